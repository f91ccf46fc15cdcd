package io.gradlens.explain.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/** Positions ordered by attribution score, highest (most relevant for the target) first. */
final class Ranking {

    private Ranking() {
    }

    /** Indices of {@code scores} by descending score; ties keep the lower index first. */
    static int[] descending(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** A mask removing the first {@code count} positions of {@code order}. */
    static boolean[] top(int[] order, int count) {
        boolean[] removed = new boolean[order.length];
        for (int i = 0; i < count && i < order.length; i++) {
            removed[order[i]] = true;
        }
        return removed;
    }

    /** The complement of {@code mask}. */
    static boolean[] not(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }
}
