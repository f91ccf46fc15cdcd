package io.gradlens.workflow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Where a model came from, as one typed record written by every training path (command line,
 * workbench, experiments) and read back from any bundle: the habit of Tribuo's
 * {@code ModelProvenance} (https://tribuo.org/learn/4.3/docs/concepts.html#provenance). It is stored
 * as the {@code provenance} map of a bundle's {@code model.json} ({@link #toMap()},
 * {@link #fromMap(Map)}); keys written before this type existed keep their meaning, so old bundles
 * read into it with the fields they lack left empty, and keys it does not know are kept in
 * {@link #extra()} (e.g. a price model's {@code test_rmse}).
 *
 * @param gradlensVersion  GradLens' version at training time ({@link RuntimeVersions#gradlens()})
 * @param nd4jVersion      ND4J's version at training time
 * @param dataset          what was trained on
 * @param architecture     the architecture's name ({@code lstm}, {@code price}, …)
 * @param hyperparameters  the training settings by their command-line names
 * @param seed             the seed of weights, shuffling and dropout
 * @param javaVersion      {@code java.version}
 * @param jvm              the JVM's vendor and name
 * @param os               the operating system
 * @param created          when training finished
 * @param trainingSeconds  how long training took
 * @param trainedIn        where it was trained
 * @param extra            every other key of the map, in order
 */
public record ModelProvenance(Optional<String> gradlensVersion, Optional<String> nd4jVersion,
                              DatasetProvenance dataset, Optional<String> architecture,
                              Map<String, Object> hyperparameters, OptionalLong seed, Optional<String> javaVersion,
                              Optional<String> jvm, Optional<String> os, Optional<Instant> created,
                              OptionalDouble trainingSeconds, Optional<TrainingSite> trainedIn,
                              Map<String, Object> extra) {

    /** Keys this record reads; every other key lands in {@link #extra()}. */
    static final List<String> KEYS = List.of("dataset", "dataset_source", "dataset_path", "dataset_builtin",
            "dataset_sha256", "dataset_edits", "architecture", "hyperparameters", "seed", "gradlens_version",
            "nd4j_version", "java_version", "jvm", "os", "created", "training_seconds", "trained_in");

    /** Provenance with nothing known (a model imported from elsewhere). */
    public static final ModelProvenance EMPTY = new ModelProvenance(Optional.empty(), Optional.empty(),
            DatasetProvenance.EMPTY, Optional.empty(), Map.of(), OptionalLong.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(), Map.of());

    /** Checks that nothing is null and freezes the maps. */
    public ModelProvenance {
        Objects.requireNonNull(gradlensVersion, "gradlensVersion");
        Objects.requireNonNull(nd4jVersion, "nd4jVersion");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(trainingSeconds, "trainingSeconds");
        Objects.requireNonNull(trainedIn, "trainedIn");
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * What was trained on.
     *
     * @param name    the dataset's name ({@code sentences}, or a file's)
     * @param source  where its data comes from, as the dataset describes itself (a package, a URL)
     * @param path    the file or folder it was read from; empty for a built-in dataset
     * @param builtIn whether it ships with GradLens (empty when not recorded)
     * @param sha256  SHA-256 of its file(s), see {@code workflow.training.DatasetFingerprint}
     * @param edits   the edit list applied before training, if any
     */
    public record DatasetProvenance(Optional<String> name, Optional<String> source, Optional<String> path,
                                    Optional<Boolean> builtIn, Optional<String> sha256, Optional<EditsApplied> edits) {
        /** Nothing known. */
        public static final DatasetProvenance EMPTY = new DatasetProvenance(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** Checks that nothing is null. */
        public DatasetProvenance {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(builtIn, "builtIn");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(edits, "edits");
        }
    }

    /**
     * A dataset edit list applied before training.
     *
     * @param file  the edit list's file name
     * @param count how many edits it holds
     */
    public record EditsApplied(String file, int count) {
        /** Checks the fields. */
        public EditsApplied {
            Objects.requireNonNull(file, "file");
            if (count < 0) {
                throw new IllegalArgumentException("an edit count cannot be negative, got " + count);
            }
        }
    }

    /** This provenance without what differs between two runs of the same training: date, duration, site. */
    public ModelProvenance withoutRunDetails() {
        return new ModelProvenance(gradlensVersion, nd4jVersion, dataset, architecture, hyperparameters, seed,
                javaVersion, jvm, os, Optional.empty(), OptionalDouble.empty(), Optional.empty(), extra);
    }

    /** This provenance with {@code key → value} added to {@link #extra()} (a result such as {@code test_rmse}). */
    public ModelProvenance withExtra(String key, Object value) {
        if (KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is a typed provenance field, not an extra");
        }
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new ModelProvenance(gradlensVersion, nd4jVersion, dataset, architecture, hyperparameters, seed,
                javaVersion, jvm, os, created, trainingSeconds, trainedIn, more);
    }

    /** The bundle's {@code provenance} map: known fields under their keys (absent ones left out), then extras. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        dataset.name().ifPresent(v -> m.put("dataset", v));
        dataset.source().ifPresent(v -> m.put("dataset_source", v));
        dataset.path().ifPresent(v -> m.put("dataset_path", v));
        dataset.builtIn().ifPresent(v -> m.put("dataset_builtin", v));
        dataset.sha256().ifPresent(v -> m.put("dataset_sha256", v));
        dataset.edits().ifPresent(e -> {
            Map<String, Object> edits = new LinkedHashMap<>();
            edits.put("file", e.file());
            edits.put("edits", e.count());
            m.put("dataset_edits", edits);
        });
        architecture.ifPresent(v -> m.put("architecture", v));
        if (!hyperparameters.isEmpty()) {
            m.put("hyperparameters", new LinkedHashMap<>(hyperparameters));
        }
        seed.ifPresent(v -> m.put("seed", v));
        gradlensVersion.ifPresent(v -> m.put("gradlens_version", v));
        nd4jVersion.ifPresent(v -> m.put("nd4j_version", v));
        javaVersion.ifPresent(v -> m.put("java_version", v));
        jvm.ifPresent(v -> m.put("jvm", v));
        os.ifPresent(v -> m.put("os", v));
        created.ifPresent(v -> m.put("created", v.toString()));
        trainingSeconds.ifPresent(v -> m.put("training_seconds", v));
        trainedIn.ifPresent(v -> m.put("trained_in", v.fileName()));
        m.putAll(extra);
        return m;
    }

    /**
     * Reads a bundle's {@code provenance} map (any GradLens version's); absent or unreadable fields
     * are empty, unknown keys go to {@link #extra()}.
     */
    public static ModelProvenance fromMap(Map<String, ?> m) {
        if (m == null || m.isEmpty()) {
            return EMPTY;
        }
        Optional<EditsApplied> edits = Optional.empty();
        if (m.get("dataset_edits") instanceof Map<?, ?> e && e.get("file") instanceof String file
                && e.get("edits") instanceof Number count) {
            edits = Optional.of(new EditsApplied(file, count.intValue()));
        }
        DatasetProvenance dataset = new DatasetProvenance(string(m, "dataset"), string(m, "dataset_source"),
                string(m, "dataset_path"), m.get("dataset_builtin") instanceof Boolean b ? Optional.of(b)
                        : Optional.empty(), string(m, "dataset_sha256"), edits);
        Map<String, Object> hyper = new LinkedHashMap<>();
        if (m.get("hyperparameters") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> hyper.put(String.valueOf(k), v));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!KEYS.contains(k)) {
                extra.put(k, v);
            }
        });
        return new ModelProvenance(string(m, "gradlens_version"), string(m, "nd4j_version"), dataset,
                string(m, "architecture"), hyper,
                m.get("seed") instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty(),
                string(m, "java_version"), string(m, "jvm"), string(m, "os"), instant(m.get("created")),
                m.get("training_seconds") instanceof Number t ? OptionalDouble.of(t.doubleValue())
                        : OptionalDouble.empty(),
                m.get("trained_in") instanceof String s ? TrainingSite.fromFileName(s) : Optional.empty(), extra);
    }

    private static Optional<String> string(Map<String, ?> m, String key) {
        return m.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Instant> instant(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
