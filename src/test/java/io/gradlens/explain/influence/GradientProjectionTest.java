package io.gradlens.explain.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row-by-row projection of weights too large for a held block (an LSTM's embedding): it is
 * linear, its rows do not depend on which other entries are non-zero, and it preserves dot products
 * within the Johnson–Lindenstrauss error {@code ‖a‖‖b‖√(2/d)} (four of those allowed).
 */
class GradientProjectionTest {

    private static final int D = 8192;
    private static final int SIZE = 4096;

    /** A gradient like an embedding's: {@code rows} rows of 64 non-zero values, the rest zero. */
    private static double[] sparse(long seed, int... rows) {
        Random r = new Random(seed);
        double[] g = new double[SIZE];
        for (int row : rows) {
            for (int e = 0; e < 64; e++) {
                g[row * 64 + e] = r.nextGaussian();
            }
        }
        return g;
    }

    private static double[] project(GradientProjection p, double[] g) {
        double[] out = new double[p.dimension()];
        p.accumulateRows("embedding/embeddings", g, out);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void largeWeightsAreDrawnRowByRowAndSmallOnesHeld() {
        GradientProjection p = new GradientProjection(D, 3);
        assertTrue(p.rowByRow(SIZE), "8 · 4,096 · 8,192 bytes exceed the held-block limit");
        assertEquals(0, p.heldBytes(SIZE));
        assertFalse(p.rowByRow(1024));
        assertEquals(8L * 1024 * D, p.heldBytes(1024));
    }

    @Test
    void rowByRowProjectionIsLinearAndItsRowsIndependentOfTheOtherEntries() {
        GradientProjection p = new GradientProjection(D, 3);
        double[] a = sparse(1, 2, 9, 40);
        double[] b = sparse(2, 9, 17);
        double[] sum = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            sum[i] = a[i] + b[i];
        }
        double[] pa = project(p, a);
        double[] pb = project(p, b);
        double[] expected = new double[D];
        for (int k = 0; k < D; k++) {
            expected[k] = pa[k] + pb[k];
        }
        assertArrayEquals(expected, project(p, sum), 1e-9);
        assertArrayEquals(pa, project(new GradientProjection(D, 3), a), 0, "the same seed draws the same rows");
    }

    @Test
    void rowByRowProjectionPreservesDotProductsWithinTheJlError() {
        GradientProjection p = new GradientProjection(D, 11);
        double[] a = sparse(5, 1, 3, 8, 13, 21);
        double[] b = sparse(6, 3, 8, 34);
        double[] pa = project(p, a);
        double[] pb = project(p, b);
        double bound = 4 * Math.sqrt(dot(a, a) * dot(b, b)) * Math.sqrt(2.0 / D);
        assertEquals(dot(a, b), dot(pa, pb), bound);
        assertEquals(dot(a, a), dot(pa, pa), 4 * dot(a, a) * Math.sqrt(2.0 / D));
        double[] other = project(new GradientProjection(D, 12), a);
        assertFalse(java.util.Arrays.equals(pa, other), "another seed, another projection");
    }
}
