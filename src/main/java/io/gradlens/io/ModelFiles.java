package io.gradlens.io;

import io.gradlens.format.BundleFormatException;
import io.gradlens.io.keras.KerasImporter;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens any model file GradLens can use: a {@code .gradlens} bundle ({@link ModelBundle}) or a
 * Keras / TensorFlow.js model ({@code .h5}, {@code .hdf5}, {@code .keras}, {@code model.json}),
 * imported by {@link KerasImporter}. This is what the workbench's Open model and the command line's
 * {@code --model} call.
 */
public final class ModelFiles {

    /** The extensions {@link #open} accepts, for file choosers. */
    public static final List<String> EXTENSIONS = List.of(".gradlens", ".h5", ".hdf5", ".keras", ".json");

    private ModelFiles() {
    }

    /** Whether {@code file} is named like a {@code .gradlens} bundle (otherwise it is imported). */
    public static boolean isBundle(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(ModelBundle.EXTENSION);
    }

    /**
     * Opens a model without a vocabulary: a bundle as it is; a Keras text model then reads token ids
     * (see {@link #open(Path, Path)}).
     *
     * @throws IllegalArgumentException (a {@link BundleFormatException} or a
     *     {@link io.gradlens.io.keras.ModelFormatException}) saying what is wrong with the file
     * @throws IOException if the file cannot be read
     */
    public static Classifier open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Opens a model; for a Keras text model, {@code vocabulary} (a Keras tokenizer JSON or a word
     * list, may be {@code null}) gives its words. The import notes are kept in the model's
     * provenance ({@code import_notes}).
     */
    public static Classifier open(Path file, Path vocabulary) throws IOException {
        return openClassifier(file, vocabulary, "this command");
    }

    /**
     * Opens a model of any kind from any format: a bundle of either kind ({@link ModelBundle#open}),
     * a Keras 2/3 {@code .h5}/{@code .keras} file or a TensorFlow.js {@code model.json}. For a Keras
     * text model, {@code vocabulary} (a Keras tokenizer JSON or a word list, may be {@code null})
     * gives its words; the import notes are kept in the model's provenance ({@code import_notes}).
     *
     * @throws IllegalArgumentException (a {@link BundleFormatException} or a
     *     {@link io.gradlens.io.keras.ModelFormatException}) saying what is wrong with the file
     * @throws IOException if the file cannot be read
     */
    public static Model openModel(Path file, Path vocabulary) throws IOException {
        if (isBundle(file)) {
            if (vocabulary != null) {
                throw new IllegalArgumentException(file + ": a .gradlens bundle carries its own vocabulary; "
                        + "no separate vocabulary is needed");
            }
            return ModelBundle.open(file);
        }
        return KerasImporter.importFile(file, vocabulary, null, false).model();
    }

    /**
     * Opens a model like {@link #openModel} and checks that it is a {@link Classifier} (one input;
     * any head).
     *
     * @param user who needs the classifier, for the message, e.g. {@code sanity}
     * @throws IllegalArgumentException {@code "<file> is a <kind> model; <user> needs a classifier"}
     *     for another kind of model, or what is wrong with the file
     */
    public static Classifier openClassifier(Path file, Path vocabulary, String user) throws IOException {
        return requireClassifier(openModel(file, vocabulary), file, user);
    }

    /**
     * {@code model} as a {@link Classifier}.
     *
     * @throws IllegalArgumentException {@code "<file> is a <kind> model; <user> needs a classifier"}
     */
    public static Classifier requireClassifier(Model model, Path file, String user) {
        if (model instanceof Classifier classifier) {
            return classifier;
        }
        throw new IllegalArgumentException(file.getFileName() + " is a " + model.kind().description() + " model; "
                + user + " needs a classifier");
    }
}
