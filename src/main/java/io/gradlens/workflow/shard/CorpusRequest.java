package io.gradlens.workflow.shard;

import io.gradlens.workflow.training.DatasetFingerprint;
import io.gradlens.workflow.training.DatasetSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that defines a sharded corpus job, and enough to run any of its shards anywhere (a
 * second process, a Spark executor): the job, the model file and its SHA-256, the dataset and its
 * fingerprint, the split, the first {@code limit} examples, the shard count and the job's own
 * parameters as text. Every shard's manifest carries it; shards are merged only when their requests
 * are equal ({@link #difference}).
 *
 * @param job                one of {@link CorpusJobs#JOBS}
 * @param model              the model file, absolute
 * @param vocabulary         a Keras model's tokenizer file, absolute, or {@code ""}
 * @param modelSha256        the model file's SHA-256 ({@link DatasetFingerprint#ofPath})
 * @param dataset            a built-in dataset's name or an absolute dataset path
 * @param datasetSha256      the dataset's fingerprint, or {@code ""} when it has none
 * @param split              {@code train} or {@code test}
 * @param limit              the first {@code limit} examples of the split, 0 for all
 * @param seed               seeds generated datasets
 * @param shards             N, the shard count
 * @param parameters         the job's parameters (sorted by name)
 */
public record CorpusRequest(String job, String model, String vocabulary, String modelSha256, String dataset,
                            String datasetSha256, String split, int limit, long seed, int shards,
                            Map<String, String> parameters) {

    public CorpusRequest {
        if (!CorpusJobs.JOBS.contains(job)) {
            throw new IllegalArgumentException("unknown corpus job '" + job + "'; use one of " + CorpusJobs.JOBS);
        }
        Objects.requireNonNull(model, "model");
        vocabulary = vocabulary == null ? "" : vocabulary;
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(dataset, "dataset");
        datasetSha256 = datasetSha256 == null ? "" : datasetSha256;
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be ≥ 0 (0 = the whole split), got " + limit);
        }
        new Shard(1, shards); // checks the count
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /**
     * A request for {@code job} with the fingerprints of the model and the dataset computed here.
     *
     * @throws IllegalArgumentException for a missing model file or an unknown dataset
     */
    public static CorpusRequest create(String job, Path model, Path vocabulary, String dataset, String split,
                                       int limit, long seed, int shards, Map<String, String> parameters)
            throws IOException {
        if (!Files.exists(model)) {
            throw new IllegalArgumentException(model + ": no such model file");
        }
        DatasetSource source = DatasetSource.of(dataset);
        String datasetName = source.file().map(Path::toString).orElse(dataset);
        return new CorpusRequest(job, model.toAbsolutePath().normalize().toString(),
                vocabulary == null ? "" : vocabulary.toAbsolutePath().normalize().toString(),
                DatasetFingerprint.ofPath(model), datasetName, DatasetFingerprint.of(source).orElse(""), split,
                limit, seed, shards, parameters);
    }

    /** This request with another shard count (the Spark runner picks it from the partitions). */
    public CorpusRequest withShards(int count) {
        return new CorpusRequest(job, model, vocabulary, modelSha256, dataset, datasetSha256, split, limit, seed,
                count, parameters);
    }

    /** The model file. */
    public Path modelPath() {
        return Path.of(model);
    }

    /** The vocabulary file, or null. */
    public Path vocabularyPath() {
        return vocabulary.isEmpty() ? null : Path.of(vocabulary);
    }

    /** A parameter that the job requires. */
    public String parameter(String name) {
        String v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the " + job + " request has no parameter '" + name + "'");
        }
        return v;
    }

    /** The request as JSON-ready values, in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job);
        m.put("model", model);
        m.put("vocabulary", vocabulary);
        m.put("model_sha256", modelSha256);
        m.put("dataset", dataset);
        m.put("dataset_sha256", datasetSha256);
        m.put("split", split);
        m.put("limit", limit);
        m.put("seed", seed);
        m.put("shards", shards);
        m.put("parameters", new LinkedHashMap<>(parameters));
        return m;
    }

    /**
     * Reads {@link #toMap()}'s form back.
     *
     * @throws IllegalArgumentException for a missing or mistyped field
     */
    public static CorpusRequest fromMap(Map<?, ?> m) {
        Map<String, String> params = new TreeMap<>();
        if (!(m.get("parameters") instanceof Map<?, ?> p)) {
            throw new IllegalArgumentException("the request has no 'parameters' object");
        }
        p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
        return new CorpusRequest(text(m, "job"), text(m, "model"), text(m, "vocabulary"), text(m, "model_sha256"),
                text(m, "dataset"), text(m, "dataset_sha256"), text(m, "split"), (int) number(m, "limit"),
                number(m, "seed"), (int) number(m, "shards"), params);
    }

    /**
     * The first field in which {@code other} differs from this request, as {@code "name: a ≠ b"},
     * or null when they are the same job.
     */
    public String difference(CorpusRequest other) {
        Map<String, Object> a = toMap();
        Map<String, Object> b = other.toMap();
        for (String key : List.copyOf(a.keySet())) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                return key + ": " + a.get(key) + " ≠ " + b.get(key);
            }
        }
        return null;
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("the request's '" + key + "' must be text, got " + v);
        }
        return s;
    }

    private static long number(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("the request's '" + key + "' must be a number, got " + v);
        }
        return n.longValue();
    }
}
