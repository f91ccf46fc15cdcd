package io.gradlens.workflow.shard;

import io.gradlens.explain.AttributionTarget;
import java.util.Map;

/**
 * The parameters of each corpus job as its {@link CorpusRequest} records them, checked here, at the
 * front end, rather than on a cluster's executor.
 */
public final class CorpusParameters {

    private CorpusParameters() {
    }

    /**
     * {@code hidden-grad}: the layer (null: the first recurrent one), the reduction, map rows per
     * pass (0: automatic), rows kept per document and tokens mapped per document (0: all).
     */
    public static Map<String, String> hiddenGrad(String layer, String reduce, int rowsPerPass, int topK,
                                                 int maxTokens) {
        return HiddenGradCorpus.parameters(layer, reduce, rowsPerPass, topK, maxTokens);
    }

    /** {@code saliency}: the method's registry name and settings, the target and the batch size. */
    public static Map<String, String> saliency(String method, Map<String, String> settings, AttributionTarget target,
                                               int batchSize) {
        return SaliencyCorpus.parameters(method, settings, target, batchSize);
    }

    /** {@code influence-index}: the representer precomputation with L2 weight {@code lambda}. */
    public static Map<String, String> influenceIndex(double lambda) {
        return InfluenceCorpus.parameters(lambda);
    }

    /**
     * {@code influence-index} with last-layer TracIn over the checkpoints of {@code model}
     * ({@code checkpoints}: their folder, or null for {@code <model>.checkpoints/}).
     *
     * @throws IllegalArgumentException when there are no checkpoints
     */
    public static Map<String, String> influenceIndexTracIn(java.nio.file.Path model, java.nio.file.Path checkpoints)
            throws java.io.IOException {
        return InfluenceCorpus.tracinParameters(model, checkpoints);
    }
}
