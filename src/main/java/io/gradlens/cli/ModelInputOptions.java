package io.gradlens.cli;

import io.gradlens.nn.Classifier;
import io.gradlens.workflow.models.ModelOpening;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of commands that run a model on inputs ({@code predict}, {@code saliency}): the model
 * file, exactly one source of inputs (one text, a dataset split, or a NumPy batch) and how to take
 * examples from a dataset.
 */
final class ModelInputOptions {

    @Option(names = "--model", required = true, description = "A .gradlens bundle (or a Keras .h5/.keras/model.json, "
            + "imported on the fly).")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word "
            + "list (a .gradlens bundle carries its own).")
    Path vocabulary;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of these. */
    static final class Source {
        @Option(names = "--text", description = "One text (text models).")
        String text;

        @Option(names = "--dataset", description = "Built-in dataset name or a dataset file.")
        String dataset;

        @Option(names = "--input-npy", description = "A NumPy .npy batch [N, …input shape]: token ids (trailing "
                + "0s are padding), images or numeric rows.")
        Path inputNpy;
    }

    @Option(names = "--split", defaultValue = "test", description = "train or test. Default ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--limit", defaultValue = "0", description = "At most this many examples (0: all).")
    int limit;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for generated datasets. Default ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    DatasetOptions datasetOptions;

    /** Opens {@code --model} (with {@code --vocabulary}) as the classifier {@code command} needs. */
    Classifier classifier(String command) throws IOException {
        return ModelOpening.classifier(model, vocabulary, command);
    }
}
