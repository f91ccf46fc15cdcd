package io.gradlens.workflow.influence;

import io.gradlens.data.Dataset;
import io.gradlens.nn.Classifier;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one influence index is computed from.
 *
 * @param model       the classifier
 * @param modelFile   the file it was read from (its bytes key the disk cache; its checkpoints lie
 *                    beside it), or {@code null} for a model held only in memory
 * @param data        the dataset as the index should see it, edits already applied
 * @param datasetName a name that reproduces {@code data} exactly, or {@code null} (edited, or
 *                    otherwise unnamed): then the index is cached in memory only
 * @param method      representer points or TracIn
 * @param lambda      the representer L2 weight (ignored by TracIn)
 * @param checkpoints where TracIn's checkpoints come from (ignored by representer points)
 * @param projection  layers, dimension and seed of projected TracIn (ignored by the other methods)
 */
public record InfluenceIndexRequest(Classifier model, Path modelFile, Dataset data, InfluenceDatasetName datasetName,
                                    InfluenceMethod method, double lambda, InfluenceCheckpoints checkpoints,
                                    TracInProjection projection) {

    public InfluenceIndexRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(projection, "projection");
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("the representer L2 weight lambda must be positive and finite, got "
                    + lambda);
        }
    }

    /** A request with the {@link TracInProjection#DEFAULT default} projection settings. */
    public InfluenceIndexRequest(Classifier model, Path modelFile, Dataset data, InfluenceDatasetName datasetName,
                                 InfluenceMethod method, double lambda, InfluenceCheckpoints checkpoints) {
        this(model, modelFile, data, datasetName, method, lambda, checkpoints, TracInProjection.DEFAULT);
    }

    /** The projection settings when the method uses them, else {@code null} (so they key nothing). */
    TracInProjection projectionUsed() {
        return method == InfluenceMethod.TRACIN_PROJECTED ? projection : null;
    }

    /**
     * A request with the paper's λ ({@value io.gradlens.explain.influence.RepresenterPoints#DEFAULT_LAMBDA})
     * and the checkpoints beside the model file.
     */
    public static InfluenceIndexRequest of(Classifier model, Path modelFile, Dataset data,
                                           InfluenceDatasetName datasetName, InfluenceMethod method) {
        return new InfluenceIndexRequest(model, modelFile, data, datasetName, method,
                io.gradlens.explain.influence.RepresenterPoints.DEFAULT_LAMBDA, InfluenceCheckpoints.BESIDE_MODEL);
    }
}
