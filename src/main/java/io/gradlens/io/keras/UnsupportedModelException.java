package io.gradlens.io.keras;

import java.nio.file.Path;

/**
 * A well-formed model that uses something GradLens does not support: a layer class outside
 * {@link KerasModelValidator#SUPPORTED_LAYERS} (for example {@code Lambda}, whose config holds
 * Python bytecode, or a custom class), an activation outside
 * {@link KerasModelValidator#SUPPORTED_ACTIVATIONS}, or a layer option that changes the
 * computation in a way GradLens does not implement.
 */
public class UnsupportedModelException extends ModelFormatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the model file
     * @param layer the offending layer
     * @param detail what is unsupported, including the supported alternatives
     */
    public UnsupportedModelException(Path file, String layer, String detail) {
        super(file, layer, detail);
    }
}
