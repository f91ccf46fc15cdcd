package io.gradlens.autodiff;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reusable native arrays, per thread, for the temporaries of the convolution kernels that die
 * inside one operation (the product {@code cols·K} before pooling, the patch gradient before
 * {@code col2im}, a patch matrix no gradient will need). Allocating ND4J memory costs more than
 * the matrix products here: in a JFR profile of {@code pixel_saliency_throughput} (one thread),
 * {@code Nd4jCpu.allocateDataBuffer} drew 450 native samples against 211 for every other native
 * call together, the matrix products included. Batches of one workload repeat their shapes, so
 * a handful of arrays of the exact shape serve all of them. At most {@value #KEPT} native arrays
 * and two heap arrays per type of up to {@value #MAX_LENGTH} elements each are kept per thread.
 *
 * <p>An array from {@link #borrow} is valid until the next {@code borrow} for the same {@link
 * Role} and shape on the thread; callers read it before that and never let it escape into a
 * tensor. Arrays of different roles are never shared, so one operation may hold one of each.
 */
final class FusedConvScratch {

    /** Arrays kept per thread; the least recently used goes first. */
    private static final int KEPT = 6;
    /** Shapes smaller than this are allocated afresh: the pool only pays for large arrays. */
    private static final long MIN_LENGTH = 1 << 16;
    /**
     * Arrays larger than this (elements) are neither pooled nor kept on the heap: a thread that
     * once convolved large images must not hold their temporaries for the rest of the session.
     */
    static final int MAX_LENGTH = 1 << 23;

    /** What a temporary array holds. */
    enum Role {
        /** A patch matrix that no gradient needs. */
        PATCHES,
        /** The matrix product {@code cols·K} before pooling. */
        PRODUCT,
        /** The patch gradient {@code g·Kᵀ} before {@code col2im}. */
        PATCH_GRADIENT
    }

    private record Kept(Role role, INDArray array) {
    }

    private static final ThreadLocal<Deque<Kept>> POOL = ThreadLocal.withInitial(ArrayDeque::new);

    private FusedConvScratch() {
    }

    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[2][0]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[2][0]);

    /**
     * A heap copy of the dense float32 array {@code a} in reusable per-thread storage (slot 0 or
     * 1, so that a kernel may hold two): plain-array loops run without the per-element bounds
     * checks of a {@link java.nio.FloatBuffer}, and the copy allocates nothing once warm. Valid
     * until the next call for the same slot on the thread; only the first {@code a.length()}
     * elements are meaningful.
     */
    static float[] floatsOf(java.nio.FloatBuffer a, int length, int slot) {
        float[] v = floats(length, slot);
        a.get(0, v, 0, length);
        return v;
    }

    /** {@link #floatsOf} for float64. */
    static double[] doublesOf(java.nio.DoubleBuffer a, int length, int slot) {
        double[] v = doubles(length, slot);
        a.get(0, v, 0, length);
        return v;
    }

    /** Reusable heap storage of at least {@code length} floats in {@code slot}, arbitrary contents. */
    static float[] floats(int length, int slot) {
        if (length > MAX_LENGTH) {
            return new float[length];
        }
        float[][] kept = FLOATS.get();
        if (kept[slot].length < length) {
            kept[slot] = new float[length];
        }
        return kept[slot];
    }

    /** {@link #floats} for float64. */
    static double[] doubles(int length, int slot) {
        if (length > MAX_LENGTH) {
            return new double[length];
        }
        double[][] kept = DOUBLES.get();
        if (kept[slot].length < length) {
            kept[slot] = new double[length];
        }
        return kept[slot];
    }

    /** A c-ordered array of {@code type} and {@code shape} with arbitrary contents, for {@code role}. */
    static INDArray borrow(Role role, DataType type, long... shape) {
        long length = Shapes.product(shape);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Nd4j.createUninitialized(type, shape, 'c');
        }
        Deque<Kept> pool = POOL.get();
        for (Iterator<Kept> it = pool.iterator(); it.hasNext(); ) {
            Kept k = it.next();
            if (k.role() == role && k.array().dataType() == type && Arrays.equals(k.array().shape(), shape)) {
                // by position: Deque.remove(Object) would compare arrays by value (an ND4J reduction)
                it.remove();
                pool.addFirst(k);
                return k.array();
            }
        }
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        pool.addFirst(new Kept(role, a));
        if (pool.size() > KEPT) {
            pool.removeLast();
        }
        return a;
    }
}
