package io.gradlens.explain.influence;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded Johnson–Lindenstrauss projection {@code P} (d × D, entries N(0, 1/d)) of per-example
 * gradients, as in TRAK (Park et al., ICML 2023, https://arxiv.org/abs/2303.14186): since
 * {@code E[PᵀP] = I}, {@code E[(Pa)·(Pb)] = a·b}, and the error of one dot product is about
 * {@code ‖a‖‖b‖·√(2/d)}. {@code P} is kept as one block per weight, {@code [D_w, d]}, drawn from a
 * stream seeded by the projection seed and the weight's name, so the block of a weight does not
 * depend on which other weights are chosen. Blocks are drawn once and reused for every checkpoint
 * and batch; they take {@code 8·d·D_w} bytes each.
 *
 * <p><b>Large weights.</b> A weight whose block would exceed {@link #MAX_BLOCK_BYTES} (an LSTM's
 * 4,597 × 64 embedding at d = 512: 1.2 GB) is never held: its row {@code j} (the d entries of
 * {@code P} that multiply gradient entry {@code j}) is drawn from its own stream, seeded by the seed,
 * the weight's name and {@code j}, whenever a gradient entry {@code j} is non-zero
 * ({@link #accumulateRows}). An embedding's gradient is zero outside the rows of the example's tokens,
 * so this costs d draws per non-zero entry and no memory beyond the gradient itself.
 */
public final class GradientProjection {

    /** The largest block of {@code P} held in memory, in bytes; larger weights are drawn row by row. */
    public static final long MAX_BLOCK_BYTES = 128L << 20;

    private final int dimension;
    private final long seed;
    private final Map<String, INDArray> blocks = new HashMap<>();

    /**
     * @param dimension d, at least 1
     * @param seed      the projection's seed
     */
    public GradientProjection(int dimension, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("--projection-dim must be at least 1, got " + dimension);
        }
        this.dimension = dimension;
        this.seed = seed;
    }

    /** d. */
    public int dimension() {
        return dimension;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Whether the block of a weight with {@code size} values is drawn row by row rather than held. */
    public boolean rowByRow(long size) {
        return 8L * size * dimension > MAX_BLOCK_BYTES;
    }

    /** Bytes the held block of a weight with {@code size} values takes (0 when drawn row by row). */
    public long heldBytes(long size) {
        return rowByRow(size) ? 0 : 8L * size * dimension;
    }

    /**
     * Adds {@code P_w g} to {@code out} (length d) for the gradient {@code g} of the weight
     * {@code name}, drawing only the rows of {@code P_w} whose gradient entry is non-zero, each from
     * a stream of its own; the result is the same whatever other entries are non-zero.
     */
    void accumulateRows(String name, double[] gradient, double[] out) {
        double scale = 1 / Math.sqrt(dimension);
        long base = seed * 0x9E3779B97F4A7C15L ^ name.hashCode();
        for (int j = 0; j < gradient.length; j++) {
            double g = gradient[j];
            if (g == 0) {
                continue;
            }
            SplittableRandom r = new SplittableRandom(base + 0xBF58476D1CE4E5B9L * (j + 1L));
            double a = g * scale;
            for (int k = 0; k < dimension; k++) {
                out[k] += a * r.nextGaussian();
            }
        }
    }

    /** The block of {@code P} for the weight {@code name} with {@code size} values, [size, d] float64. */
    synchronized INDArray block(String name, long size) {
        INDArray b = blocks.get(name);
        if (b != null && b.size(0) == size) {
            return b;
        }
        long entries = size * dimension;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("weight " + name + " (" + size + " values) is too large to project to "
                    + dimension + " dimensions; choose a smaller --projection-dim or fewer --layers");
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ name.hashCode());
        double scale = 1 / Math.sqrt(dimension);
        double[] v = new double[(int) entries];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        b = Nd4j.create(v, new long[] {size, dimension}, DataType.DOUBLE);
        blocks.put(name, b);
        return b;
    }
}
