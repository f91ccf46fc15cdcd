package io.gradlens.workflow.training;

import io.gradlens.data.Dataset;
import io.gradlens.data.Vocabulary;
import java.util.Objects;
import java.util.Optional;

/**
 * One training run: the data (already loaded, edits applied), where it came from, and how to train.
 *
 * @param dataset    the dataset to train on (text, images, or a table with the price layout)
 * @param source     where it came from, for the provenance
 * @param settings   how to train
 * @param network    a caller-built network instead of {@link TrainingSettings#architecture()}, or empty
 * @param vocabulary for text, the vocabulary to encode with instead of one built from the training split
 *                   (e.g. one shared by several runs), or empty; {@code --init} brings its own
 */
public record TrainingSpec(Dataset dataset, DatasetSource source, TrainingSettings settings,
                           Optional<CustomNetwork> network, Optional<Vocabulary> vocabulary) {

    /** Checks that nothing is missing. */
    public TrainingSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** A run of a named architecture, vocabulary from the data. */
    public TrainingSpec(Dataset dataset, DatasetSource source, TrainingSettings settings) {
        this(dataset, source, settings, Optional.empty(), Optional.empty());
    }

    /** The same data with other settings. */
    public TrainingSpec with(TrainingSettings other) {
        return new TrainingSpec(dataset, source, other, network, vocabulary);
    }

    /** The same run with a caller-built network. */
    public TrainingSpec with(CustomNetwork custom) {
        return new TrainingSpec(dataset, source, settings, Optional.of(custom), vocabulary);
    }

    /** The same run encoding text with {@code words}. */
    public TrainingSpec with(Vocabulary words) {
        return new TrainingSpec(dataset, source, settings, network, Optional.of(words));
    }
}
