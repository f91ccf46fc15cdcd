package io.gradlens.cli;

import io.gradlens.data.Dataset;
import io.gradlens.workflow.training.TrainingData;
import java.io.IOException;

/**
 * Resolves a {@code --dataset} argument: an existing file or folder, else a built-in name, as
 * {@link TrainingData#resolve(String, long)} does for every front end.
 */
final class DatasetArgument {

    private DatasetArgument() {
    }

    static Dataset load(String spec, long seed) throws IOException {
        return TrainingData.resolve(spec, seed).dataset();
    }
}
