package io.gradlens.workflow.influence;

import io.gradlens.autodiff.NativeMemory;
import io.gradlens.explain.influence.GradientProjection;
import io.gradlens.explain.influence.InfluenceLayers;
import io.gradlens.nn.Sequential;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of projected all-layer TracIn (Pruthi et al., NeurIPS 2020,
 * https://arxiv.org/abs/2002.08484, gradients compressed by a seeded Gaussian projection as in
 * TRAK, Park et al., ICML 2023, https://arxiv.org/abs/2303.14186): which layers' weights, the
 * projection dimension d and its seed. All three are part of the disk-cache key
 * ({@link #cacheParameters}: the chosen weights by name, so {@code all} and
 * {@code embedding,recurrent,dense} share an index on an LSTM, where they choose the same weights);
 * {@link #checkFits} refuses a request whose memory would not fit before any of it is taken.
 *
 * @param layers    the layers whose weights the gradients are taken over
 * @param dimension d, 1 to {@value #MAX_DIMENSION}
 * @param seed      the projection's seed
 */
public record TracInProjection(InfluenceLayers layers, int dimension, long seed) {

    /** The default d ({@code --projection-dim}). */
    public static final int DEFAULT_DIMENSION = 512;

    /**
     * The largest d accepted: beyond it the error {@code √(2/d)} of a dot product is under 1.6 %, and
     * the training side (8·d bytes per example and checkpoint) grows past what an index should hold.
     */
    public static final int MAX_DIMENSION = 8192;

    /** The default seed ({@code --projection-seed}). */
    public static final long DEFAULT_SEED = 0;

    /** Every layer, d = {@value #DEFAULT_DIMENSION}, seed {@value #DEFAULT_SEED}. */
    public static final TracInProjection DEFAULT = new TracInProjection(InfluenceLayers.ALL, DEFAULT_DIMENSION,
            DEFAULT_SEED);

    /** Checks d before anything is allocated. */
    public TracInProjection {
        Objects.requireNonNull(layers, "layers");
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("--projection-dim must be between 1 and " + MAX_DIMENSION + ", got "
                    + dimension);
        }
    }

    /**
     * Settings from the command line's spelling.
     *
     * @param layers {@code all} or a comma-separated list of {@code embedding}, {@code recurrent}, {@code dense}
     * @throws IllegalArgumentException naming {@code --layers} or {@code --projection-dim} and the allowed values
     */
    public static TracInProjection parse(String layers, int dimension, long seed) {
        InfluenceLayers parsed;
        try {
            parsed = InfluenceLayers.parse(layers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--layers: " + e.getMessage(), e);
        }
        return new TracInProjection(parsed, dimension, seed);
    }

    /** The projection these settings describe. */
    public GradientProjection projection() {
        return new GradientProjection(dimension, seed);
    }

    /**
     * What the disk-cache key holds of these settings for {@code model}: the chosen weights' names
     * (the projection of a weight depends only on its name, d and the seed), d and the seed.
     *
     * @throws IllegalArgumentException when the layers choose no weight of the model
     */
    public String cacheParameters(Sequential model) {
        return "weights=" + String.join(",", layers.parameterNames(model)) + "|d=" + dimension + "|seed=" + seed;
    }

    /**
     * Refuses settings whose memory would not fit, before any is taken: the held blocks of the
     * projection ({@link GradientProjection#heldBytes}, native memory) must fit half the native budget,
     * the training side (8·n·d bytes per checkpoint, Java heap) half the heap.
     *
     * @throws IllegalArgumentException naming the flags to change and the sizes
     */
    public void checkFits(Sequential model, int trainSize, int checkpoints) {
        GradientProjection p = projection();
        long held = 0;
        for (String name : layers.parameterNames(model)) {
            held += p.heldBytes(model.parameters().get(name).value().length());
        }
        long index = 8L * trainSize * dimension * checkpoints;
        long nativeLimit = NativeMemory.budget() / 2;
        long heapLimit = Runtime.getRuntime().maxMemory() / 2;
        if (held > nativeLimit || index > heapLimit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--projection-dim %d with --layers %s needs "
                    + "%,d MB for the projection (at most %,d MB: half the native budget) and %,d MB for the index of "
                    + "%,d examples \u00d7 %d checkpoints (at most %,d MB: half the heap); choose a smaller "
                    + "--projection-dim or fewer --layers, or raise GRADLENS_NATIVE_BUDGET / -Xmx", dimension,
                    layers.id(), mb(held), mb(nativeLimit), mb(index), trainSize, checkpoints, mb(heapLimit)));
        }
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
