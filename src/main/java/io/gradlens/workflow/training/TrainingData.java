package io.gradlens.workflow.training;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetLoader;
import io.gradlens.data.edits.DatasetEditFile;
import io.gradlens.data.edits.DatasetEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the data of a training run as {@code train --dataset X [--edits E]} names it: an existing
 * file or folder, else a built-in dataset ({@link DatasetSource#of(String)}); then the edit list, if given.
 *
 * @param dataset the dataset, edits applied
 * @param source  where it came from
 */
public record TrainingData(Dataset dataset, DatasetSource source) {

    /**
     * @param name  a dataset file or folder, or a built-in dataset's name
     * @param edits an edit list to apply, or null
     * @param seed  seeds generated built-in datasets (decoys)
     * @throws IllegalArgumentException naming an unknown dataset or a missing edit list
     */
    public static TrainingData load(String name, Path edits, long seed) throws IOException {
        TrainingData resolved = resolve(name, seed);
        Dataset data = resolved.dataset();
        DatasetSource source = resolved.source();
        if (edits != null) {
            if (!Files.isRegularFile(edits)) {
                throw new IllegalArgumentException(edits + ": no such edit list");
            }
            DatasetEdits list = DatasetEditFile.read(edits);
            data = list.apply(data).dataset();
            source = source.withEdits(edits, list.size());
        }
        return new TrainingData(data, source);
    }

    /**
     * Resolves and loads a {@code --dataset} argument without edits ({@link DatasetSource#of(String)}):
     * what {@code train} and every command that reads a dataset call.
     *
     * @param name a dataset file or folder (read as given), or a built-in dataset's name
     * @param seed seeds generated built-in datasets (decoys)
     * @throws IllegalArgumentException naming an unknown dataset
     */
    public static TrainingData resolve(String name, long seed) throws IOException {
        DatasetSource source = DatasetSource.of(name);
        Dataset data = source.builtIn().isPresent() ? BuiltInDatasets.load(name, seed)
                : DatasetLoader.load(Path.of(name));
        return new TrainingData(data, source);
    }

    /** A training spec of this data with {@code settings}. */
    public TrainingSpec spec(TrainingSettings settings) {
        return new TrainingSpec(dataset, source, settings);
    }
}
