package io.gradlens.workflow.models;

import io.gradlens.io.ModelFiles;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Model;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a model file for any front end: every command's {@code --model} and the workbench's Open
 * model (file dialog and drag-and-drop) go through here, so they accept the same files and fail
 * with the same messages. Accepted: a {@code .gradlens} bundle of any kind, a Keras 2/3
 * {@code .h5}/{@code .hdf5}/{@code .keras} file, a TensorFlow.js {@code model.json}
 * ({@link ModelFiles#openModel}).
 */
public final class ModelOpening {

    private ModelOpening() {
    }

    /**
     * Opens a model of any kind.
     *
     * @param file       the model file
     * @param vocabulary for a Keras text model, its tokenizer JSON or word list; may be {@code null}
     * @throws IllegalArgumentException when the file is missing, not a model file, or damaged; the
     *     message names the file and the problem
     * @throws IOException when the file cannot be read
     */
    public static Model open(Path file, Path vocabulary, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        check(file, vocabulary);
        cancel.throwIfCancelled();
        progress.progress(0, 1, "Reading " + file.getFileName() + "\u2026");
        Model model = ModelFiles.openModel(file, vocabulary);
        cancel.throwIfCancelled();
        progress.progress(1, 1, "Opened " + file.getFileName() + ": " + model.kind().description() + " model, "
                + model.describeInput());
        return model;
    }

    /** {@link #open(Path, Path, ProgressListener, CancellationToken)} without progress or cancellation. */
    public static Model open(Path file, Path vocabulary) throws IOException {
        return open(file, vocabulary, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * Opens a model that must be a classifier (one input, any head).
     *
     * @param user who needs it, for the message, e.g. {@code hidden-grad}
     * @throws IllegalArgumentException {@code "<file> is a <kind> model; <user> needs a classifier"},
     *     or what is wrong with the file
     */
    public static Classifier classifier(Path file, Path vocabulary, String user) throws IOException {
        return ModelFiles.requireClassifier(open(file, vocabulary), file, user);
    }

    private static void check(Path file, Path vocabulary) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such model file");
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (ModelFiles.EXTENSIONS.stream().noneMatch(name::endsWith)) {
            throw new IllegalArgumentException(file.getFileName() + " is not a model file GradLens opens; expected "
                    + String.join(", ", ModelFiles.EXTENSIONS) + " (a .gradlens bundle, Keras or TensorFlow.js)");
        }
        if (vocabulary != null && !Files.isRegularFile(vocabulary)) {
            throw new IllegalArgumentException(vocabulary + ": no such vocabulary file");
        }
    }
}
