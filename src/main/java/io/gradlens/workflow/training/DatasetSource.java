package io.gradlens.workflow.training;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.workflow.ModelProvenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a training dataset was read from, for its provenance: a built-in dataset by name or a file
 * or folder, and the edit list applied to it, if any. {@link #of(String)} is the one place that
 * resolves a {@code --dataset} argument ({@link TrainingData#resolve(String, long)} loads it), for
 * {@code train} and the explanation commands alike.
 *
 * @param builtIn the built-in dataset's name, or empty
 * @param file    the dataset file or folder, or empty
 * @param edits   the edit list applied before training, or empty
 * @param reading how the file was read, as a bundle's provenance records it under {@code dataset_reading}
 *                (e.g. {@code class_order}, {@code columns}, {@code delimiter}); empty for built-in sets
 */
public record DatasetSource(Optional<String> builtIn, Optional<Path> file,
                            Optional<ModelProvenance.EditsApplied> edits, Map<String, Object> reading) {

    /** A dataset of unknown origin (built in code, e.g. in a test). */
    public static final DatasetSource UNKNOWN = new DatasetSource(Optional.empty(), Optional.empty(),
            Optional.empty());

    /** Checks the fields: at most one of built-in and file. */
    public DatasetSource {
        Objects.requireNonNull(builtIn, "builtIn");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(edits, "edits");
        reading = Collections.unmodifiableMap(new LinkedHashMap<>(reading));
        if (builtIn.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("a dataset is either built in (" + builtIn.get() + ") or a file ("
                    + file.get() + "), not both");
        }
    }

    /** A source without reading details. */
    public DatasetSource(Optional<String> builtIn, Optional<Path> file, Optional<ModelProvenance.EditsApplied> edits) {
        this(builtIn, file, edits, Map.of());
    }

    /** This source with the details of how its file was read. */
    public DatasetSource withReading(Map<String, Object> details) {
        return new DatasetSource(builtIn, file, edits, details);
    }

    /** The built-in dataset {@code name}. */
    public static DatasetSource builtIn(String name) {
        return new DatasetSource(Optional.of(name), Optional.empty(), Optional.empty());
    }

    /** The dataset file or folder {@code path} (recorded absolute and normalised). */
    public static DatasetSource file(Path path) {
        return new DatasetSource(Optional.empty(), Optional.of(path.toAbsolutePath().normalize()), Optional.empty());
    }

    /**
     * Resolves a {@code --dataset} argument: an existing file or folder, else a built-in dataset's name.
     *
     * @throws IllegalArgumentException {@code "'<name>' is neither a file nor a built-in dataset; built-in: [...]"}
     */
    public static DatasetSource of(String argument) {
        Objects.requireNonNull(argument, "argument");
        Path path = Path.of(argument);
        if (Files.exists(path)) {
            return file(path);
        }
        if (BuiltInDatasets.list().stream().noneMatch(e -> e.name().equals(argument))) {
            throw new IllegalArgumentException("'" + argument + "' is neither a file nor a built-in dataset; built-in: "
                    + BuiltInDatasets.list().stream().map(BuiltInDatasets.Entry::name).toList());
        }
        return builtIn(argument);
    }

    /** This source with {@code count} edits of the edit list {@code editList} applied (none when 0). */
    public DatasetSource withEdits(Path editList, int count) {
        return new DatasetSource(builtIn, file, count == 0 ? Optional.empty()
                : Optional.of(new ModelProvenance.EditsApplied(editList.getFileName().toString(), count)), reading);
    }
}
