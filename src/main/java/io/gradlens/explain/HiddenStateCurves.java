package io.gradlens.explain;

import java.util.List;

/**
 * Dataset-level hidden-state gradient curves: the per-step curves {@code c[t]} of several
 * sequences ({@link HiddenStateGradientMap#curve()}) averaged step by step. Sequences differ in
 * length, so step t averages over the {@code count[t]} sequences longer than t; the spread is the
 * population standard deviation over the same sequences.
 *
 * @param layer     the recurrent layer
 * @param reduction the reduction of h_t
 * @param mean      mean curve per step
 * @param std       standard deviation per step
 * @param count     sequences contributing to each step
 * @param sequences number of sequences
 */
public record HiddenStateCurves(String layer, String reduction, double[] mean, double[] std, int[] count,
                                int sequences) {

    public HiddenStateCurves {
        mean = mean.clone();
        std = std.clone();
        count = count.clone();
    }

    /** Averages the curves of {@code maps} (all of one layer and reduction). */
    public static HiddenStateCurves average(List<HiddenStateGradientMap> maps) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no sequences to average");
        }
        return average(maps.get(0).layer(), maps.get(0).reduction(),
                maps.stream().map(HiddenStateGradientMap::curve).toList());
    }

    /** Averages per-sequence curves {@code c[t]} of one layer and reduction (the maps need not be kept). */
    public static HiddenStateCurves average(String layer, String reduction, List<double[]> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no sequences to average");
        }
        int longest = curves.stream().mapToInt(c -> c.length).max().orElse(0);
        double[] sum = new double[longest];
        double[] sumSq = new double[longest];
        int[] count = new int[longest];
        for (double[] c : curves) {
            for (int t = 0; t < c.length; t++) {
                sum[t] += c[t];
                sumSq[t] += c[t] * c[t];
                count[t]++;
            }
        }
        double[] mean = new double[longest];
        double[] std = new double[longest];
        for (int t = 0; t < longest; t++) {
            mean[t] = sum[t] / count[t];
            std[t] = Math.sqrt(Math.max(0, sumSq[t] / count[t] - mean[t] * mean[t]));
        }
        return new HiddenStateCurves(layer, reduction, mean, std, count, curves.size());
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }
}
