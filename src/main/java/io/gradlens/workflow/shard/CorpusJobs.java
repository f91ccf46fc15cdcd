package io.gradlens.workflow.shard;

import io.gradlens.data.Dataset;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.models.ModelOpening;
import io.gradlens.workflow.training.DatasetFingerprint;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.TrainingData;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Opens the {@link CorpusJob} a {@link CorpusRequest} names, once per JVM: the model, the dataset and
 * the selected examples of the last request are kept, so the shards that one process (or one Spark
 * executor) runs share one loaded model. Before use, the model file and the dataset are checked
 * against the request's fingerprints, so a machine with other files refuses instead of computing
 * something else.
 */
public final class CorpusJobs {

    /** The jobs that shard: saliency over a split, corpus hidden-state gradients, the influence index. */
    public static final List<String> JOBS = List.of("saliency", "hidden-grad", "influence-index");

    private static CorpusRequest cachedFor;
    private static CorpusJob cached;

    private CorpusJobs() {
    }

    /**
     * The job of {@code request}, opened here or reused from the previous call with the same request
     * (whatever its shard count).
     *
     * @throws IllegalArgumentException when the files differ from the request's fingerprints, or the
     *     model does not fit the job
     */
    public static synchronized CorpusJob open(CorpusRequest request) throws IOException {
        CorpusRequest key = request.withShards(1);
        if (cached != null && key.equals(cachedFor)) {
            return cached;
        }
        cached = null;
        cachedFor = null;
        String sha = DatasetFingerprint.ofPath(request.modelPath());
        if (!sha.equals(request.modelSha256())) {
            throw new IllegalArgumentException(request.model() + " has SHA-256 " + sha + ", the job was made for "
                    + request.modelSha256() + " (a different model file on this machine?)");
        }
        Classifier model = ModelOpening.classifier(request.modelPath(), request.vocabularyPath(), request.job());
        Dataset data = TrainingData.resolve(request.dataset(), request.seed()).dataset();
        String fingerprint = DatasetFingerprint.of(DatasetSource.of(request.dataset())).orElse("");
        if (!fingerprint.equals(request.datasetSha256())) {
            throw new IllegalArgumentException("dataset " + request.dataset() + " has fingerprint " + fingerprint
                    + ", the job was made for " + request.datasetSha256() + " (different data on this machine?)");
        }
        CorpusJob job = switch (request.job()) {
            case "hidden-grad" -> new HiddenGradCorpus(model, "the model " + request.model(), data, request);
            case "saliency" -> new SaliencyCorpus(model, data, request);
            default -> new InfluenceCorpus(model, data, request);
        };
        cachedFor = key;
        cached = job;
        return job;
    }

    /**
     * Arrays computed from the merged ones, written beside them: the means and the corpus top-k of
     * {@code hidden-grad}, the representer fit of {@code influence-index}; none for saliency.
     */
    static List<ShardArray> summarise(CorpusRequest request, Map<String, ShardArray> merged) {
        return switch (request.job()) {
            case "hidden-grad" -> HiddenGradCorpus.summarise(merged, Integer.parseInt(request.parameter("top_k")));
            case "influence-index" -> InfluenceCorpus.summarise(request, merged);
            default -> List.of();
        };
    }
}
