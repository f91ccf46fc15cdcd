package io.gradlens.io.keras;

import java.nio.file.Path;

/**
 * A model file that cannot be read into a {@link KerasModelSpec}: corrupt or truncated, missing
 * weights, weights whose shape disagrees with the layer configuration, or an unsupported feature.
 * The message always names the file and, where one is concerned, the layer.
 */
public class ModelFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String layer;

    /**
     * @param file the model file (may be {@code null} if unknown)
     * @param layer the layer concerned, or {@code null} for a file-level problem
     * @param detail what is wrong
     */
    public ModelFormatException(Path file, String layer, String detail) {
        this(file, layer, detail, null);
    }

    /**
     * @param file the model file (may be {@code null} if unknown)
     * @param layer the layer concerned, or {@code null} for a file-level problem
     * @param detail what is wrong
     * @param cause the underlying exception, or {@code null}
     */
    public ModelFormatException(Path file, String layer, String detail, Throwable cause) {
        super(format(file, layer, detail), cause);
        this.file = file;
        this.layer = layer;
    }

    private static String format(Path file, String layer, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<unknown file>" : file.toString());
        if (layer != null) {
            sb.append(": layer '").append(layer).append('\'');
        }
        sb.append(": ").append(detail);
        return sb.toString();
    }

    /** @return the model file, or {@code null} if unknown */
    public Path file() {
        return file;
    }

    /** @return the layer concerned, or {@code null} for a file-level problem */
    public String layer() {
        return layer;
    }
}
