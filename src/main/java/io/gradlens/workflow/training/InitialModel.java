package io.gradlens.workflow.training;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.workflow.models.ModelOpening;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The model a run continues from ({@code train --init}). Its weights only mean what they meant if
 * every input and output keeps its meaning, so the run takes the model's vocabulary (and with it the
 * one GradLens tokenizer; a dataset word outside the vocabulary becomes {@link Vocabulary#OOV}) and
 * refuses, naming both sides, data whose class names, kind (text or images) or image shape differ.
 * Weights are never matched by shape alone onto a vocabulary rebuilt from other examples.
 */
final class InitialModel {

    private final Path file;
    private final Classifier model;

    private InitialModel(Path file, Classifier model) {
        this.file = file;
        this.model = model;
    }

    /**
     * Opens the model at {@code file} (any format {@link ModelOpening} reads) and checks that it reads
     * the kind of data {@code data} holds.
     *
     * @throws IllegalArgumentException when the file is no classifier or reads other data, naming why
     */
    static InitialModel open(Path file, Dataset data) throws IOException {
        Objects.requireNonNull(data, "data");
        InitialModel init = new InitialModel(file, ModelOpening.classifier(file, null, "train --init"));
        init.checkKind(data);
        return init;
    }

    /** The vocabulary the run must encode text with: the model's, or empty for images. */
    Optional<Vocabulary> vocabulary() {
        return model.input() instanceof InputSpec.Tokens tokens ? Optional.of(tokens.vocabulary()) : Optional.empty();
    }

    /**
     * Checks the prepared data against the model: the same class names in the same order, and for
     * images the same height, width and channels.
     *
     * @throws IllegalArgumentException naming what differs, with both values
     */
    void checkFits(Dataset data, List<String> classes, InputSpec input) {
        if (!classes.equals(model.classNames())) {
            throw new IllegalArgumentException("--init " + file.getFileName() + " has the classes "
                    + model.classNames() + " but dataset '" + data.name() + "' has " + classes
                    + "; the class names must match (same names, same order)");
        }
        if (input instanceof InputSpec.Image image && !image.equals(model.input())) {
            throw new IllegalArgumentException("--init " + file.getFileName() + " reads " + describe(model.input())
                    + " but dataset '" + data.name() + "' has " + describe(image) + "; the image shape must match");
        }
    }

    /**
     * Copies the model's weights into {@code network}, built for the same input and classes.
     *
     * @throws IllegalArgumentException when {@code network} has other layers or shapes (another architecture)
     */
    void loadInto(Sequential network) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        model.network().parameters().forEach((k, v) -> weights.put(k, v.value()));
        try {
            network.loadWeights(weights);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--init " + file + " does not fit this architecture: "
                    + e.getMessage());
        }
    }

    private void checkKind(Dataset data) {
        boolean text = data instanceof TextDataset;
        boolean images = data instanceof ImageDataset;
        InputSpec input = model.input();
        if (text && !(input instanceof InputSpec.Tokens) || images && !(input instanceof InputSpec.Image)) {
            throw new IllegalArgumentException("--init " + file.getFileName() + " reads " + describe(input)
                    + " but dataset '" + data.name() + "' holds " + (text ? "text" : images ? "images" : "a table"));
        }
    }

    private static String describe(InputSpec input) {
        if (input instanceof InputSpec.Image image) {
            return image.height() + "x" + image.width() + "x" + image.channels() + " images";
        }
        if (input instanceof InputSpec.Tokens tokens) {
            return "text (" + tokens.vocabulary().size() + " words)";
        }
        return "a numeric tensor " + input;
    }
}
