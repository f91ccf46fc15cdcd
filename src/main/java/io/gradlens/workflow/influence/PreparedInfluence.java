package io.gradlens.workflow.influence;

import io.gradlens.explain.influence.InfluenceIndex;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.SelfInfluenceRanking;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An influence index ready for queries, with what both front ends report about it.
 *
 * @param method      representer points or TracIn
 * @param index       the precomputation
 * @param classes     the model's number of classes
 * @param fidelity    Pearson r between the model's test logits and their representer decomposition
 *                    ({@link InfluenceIndex#testFidelity()}, Yeh et al. 2018 §4.1); NaN for TracIn
 * @param checkpoints number of TracIn checkpoints summed over; 0 for representer points
 * @param cached      whether the precomputation was reused (memory or disk) rather than run now
 * @param cacheKey    the disk-cache key ({@link io.gradlens.explain.influence.InfluenceCache#key}), or
 *                    {@code null} when the index can only be cached in memory
 * @param cacheDir    the disk-cache folder, or {@code null} likewise
 * @param projection  the layers, dimension and seed of projected TracIn, or {@code null} for the other methods
 */
public record PreparedInfluence(InfluenceMethod method, InfluenceIndex index, int classes, double fidelity, int checkpoints,
                                boolean cached, String cacheKey, Path cacheDir, TracInProjection projection) {

    public PreparedInfluence {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(index, "index");
    }

    /** The same index, marked as reused. */
    PreparedInfluence reused() {
        return new PreparedInfluence(method, index, classes, fidelity, checkpoints, true, cacheKey, cacheDir,
                projection);
    }

    /** Seconds the precomputation took when it ran. */
    public double precomputeSeconds() {
        return index.precomputeSeconds();
    }

    /**
     * The top-{@code k} proponents and opponents of one test prediction.
     *
     * @param testIndex  position in the (edited) test split
     * @param classIndex the class to explain, or {@code null} for the predicted class
     * @throws IllegalArgumentException when the index, the class or k is out of range
     */
    public InfluenceExplanation explain(int testIndex, Integer classIndex, int k) {
        int predicted = index.predicted(testIndex);
        int explained = classIndex != null ? classIndex : predicted;
        if (explained < 0 || explained >= classes) {
            throw new IllegalArgumentException("class " + explained + " is out of range 0.." + (classes - 1));
        }
        InfluenceRanking ranking = index.explain(testIndex, explained, k);
        return new InfluenceExplanation(testIndex, index.testLabel(testIndex), predicted, ranking);
    }

    /**
     * Training examples by self-influence, highest first: the suspected mislabels (TracIn
     * {@code Σ_c η_c ‖∇L‖²}, projected TracIn {@code Σ_c η_c ‖P∇L‖²}, representer {@code |α_{i,y_i}|}).
     *
     * @throws IllegalArgumentException when k is below 1
     */
    public SelfInfluenceRanking selfInfluence(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + k);
        }
        return index.selfInfluence(k);
    }
}
