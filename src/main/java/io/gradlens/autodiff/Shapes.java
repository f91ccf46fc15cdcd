package io.gradlens.autodiff;

import java.util.Arrays;

/** Shape arithmetic shared by the operations (NumPy broadcasting rules). */
final class Shapes {

    private Shapes() {
    }

    /** The broadcast shape of {@code a} and {@code b}, or an exception naming the operation. */
    static long[] broadcast(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " cannot be broadcast together");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** {@code shape} with leading ones so that it has {@code rank} axes. */
    static long[] leftPad(long[] shape, int rank) {
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    /** Normalises possibly negative axes and sorts them. */
    static int[] axes(int rank, int... axes) {
        if (axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank) {
                throw new IllegalArgumentException("axis " + axes[i] + " is out of range for rank " + rank);
            }
            out[i] = a;
        }
        Arrays.sort(out);
        return out;
    }

    /** The shape after reducing {@code axes} with keepDims. */
    static long[] keepDims(long[] shape, int[] axes) {
        long[] out = shape.clone();
        for (int a : axes) {
            out[a] = 1;
        }
        return out;
    }

    static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }

    static int[] toInt(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.toIntExact(values[i]);
        }
        return out;
    }
}
