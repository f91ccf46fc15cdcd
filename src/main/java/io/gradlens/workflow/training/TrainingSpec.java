package io.gradlens.workflow.training;

import io.gradlens.data.Dataset;
import java.util.Objects;

/**
 * One training run: the data (already loaded, edits applied), where it came from, and how to train.
 *
 * @param dataset  the dataset to train on (text, images, or a table with the price layout)
 * @param source   where it came from, for the provenance
 * @param settings how to train
 */
public record TrainingSpec(Dataset dataset, DatasetSource source, TrainingSettings settings) {

    /** Checks that nothing is missing. */
    public TrainingSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
    }

    /** The same data with other settings. */
    public TrainingSpec with(TrainingSettings other) {
        return new TrainingSpec(dataset, source, other);
    }
}
