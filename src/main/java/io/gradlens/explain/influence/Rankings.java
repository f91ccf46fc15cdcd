package io.gradlens.explain.influence;

import java.util.Arrays;

/** Sorting and curve helpers shared by the influence methods. */
public final class Rankings {

    private Rankings() {
    }

    /** Indices of {@code scores}, largest first; ties broken by the smaller index. */
    public static int[] argsortDescending(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The fraction of {@code flagged} examples found when checking the first {@code fraction} of
     * {@code order}, for each fraction.
     */
    public static double[] recall(int[] order, boolean[] flagged, double[] fractions) {
        int total = 0;
        for (boolean f : flagged) {
            total += f ? 1 : 0;
        }
        double[] out = new double[fractions.length];
        for (int k = 0; k < fractions.length; k++) {
            int checked = (int) Math.round(fractions[k] * order.length);
            int found = 0;
            for (int r = 0; r < checked; r++) {
                found += flagged[order[r]] ? 1 : 0;
            }
            out[k] = total == 0 ? 0 : (double) found / total;
        }
        return out;
    }

    /** Pearson correlation of two equally long sequences. */
    public static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
