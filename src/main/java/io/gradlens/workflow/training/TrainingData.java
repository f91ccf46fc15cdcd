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
 * file or folder, else a built-in dataset; then the edit list, if given.
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
        Path path = Path.of(name);
        Dataset data;
        DatasetSource source;
        if (Files.exists(path)) {
            data = DatasetLoader.load(path);
            source = DatasetSource.file(path);
        } else {
            boolean builtIn = BuiltInDatasets.list().stream().anyMatch(e -> e.name().equals(name));
            if (!builtIn) {
                throw new IllegalArgumentException("'" + name + "' is neither a file nor a built-in dataset; built-in: "
                        + BuiltInDatasets.list().stream().map(BuiltInDatasets.Entry::name).toList());
            }
            data = BuiltInDatasets.load(name, seed);
            source = DatasetSource.builtIn(name);
        }
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

    /** A training spec of this data with {@code settings}. */
    public TrainingSpec spec(TrainingSettings settings) {
        return new TrainingSpec(dataset, source, settings);
    }
}
