package io.gradlens.cli;

import io.gradlens.data.Dataset;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.training.TrainingData;
import java.io.IOException;

/**
 * Resolves a {@code --dataset} argument: an existing file or folder (read with the command's
 * {@link DatasetOptions}), else a built-in name, as {@link TrainingData} does for every front end.
 */
final class DatasetArgument {

    private DatasetArgument() {
    }

    /** The dataset {@code spec} names, read as {@code options} say. */
    static Dataset load(String spec, long seed, DatasetOptions options) throws IOException {
        return TrainingData.resolve(spec, options.settings(), seed).dataset();
    }

    /** The dataset {@code spec} names, read for {@code model} (its classes and tokenizer; see {@link TrainingData#resolveFor}). */
    static Dataset load(String spec, long seed, DatasetOptions options, Classifier model) throws IOException {
        return TrainingData.resolveFor(spec, options.settings(), seed, model).dataset();
    }
}
