package io.gradlens.workflow.hidden;

import java.util.Arrays;
import java.util.List;

/**
 * Step-wise statistics of several per-step curves of different lengths (one curve per sequence):
 * at step t the mean and two quantiles over the {@code count[t]} curves longer than t. Quantiles
 * interpolate linearly between order statistics (Hyndman and Fan 1996, definition 7, the default
 * of R and NumPy): for n sorted values and probability p, h = (n − 1)p and
 * q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
 *
 * @param mean mean per step
 * @param low lower quantile per step
 * @param high upper quantile per step
 * @param count curves contributing to each step
 * @param lowProbability the lower quantile's probability, e.g. 0.1
 * @param highProbability the upper quantile's probability, e.g. 0.9
 * @param curves number of curves
 */
public record CurveBand(double[] mean, double[] low, double[] high, int[] count,
        double lowProbability, double highProbability, int curves) {

    /** Copies the arrays and checks that they have one length. */
    public CurveBand {
        if (low.length != mean.length || high.length != mean.length || count.length != mean.length) {
            throw new IllegalArgumentException("mean, low, high and count must have one length");
        }
        mean = mean.clone();
        low = low.clone();
        high = high.clone();
        count = count.clone();
    }

    /**
     * The statistics of {@code curves}.
     *
     * @param curves one curve per sequence (non-empty; lengths may differ; values finite)
     * @param lowProbability lower quantile's probability in [0, 1]
     * @param highProbability upper quantile's probability in [lowProbability, 1]
     * @throws IllegalArgumentException for no curves, a bad probability or a non-finite value
     */
    public static CurveBand of(List<double[]> curves, double lowProbability,
            double highProbability) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to summarise");
        }
        if (!(lowProbability >= 0 && lowProbability <= highProbability && highProbability <= 1)) {
            throw new IllegalArgumentException("quantile probabilities must satisfy 0 <= low <= high"
                    + " <= 1, got " + lowProbability + " and " + highProbability);
        }
        int longest = 0;
        for (int i = 0; i < curves.size(); i++) {
            double[] c = curves.get(i);
            for (int t = 0; t < c.length; t++) {
                if (!Double.isFinite(c[t])) {
                    throw new IllegalArgumentException("curve " + i + " has a non-finite value at step " + t
                            + ": " + c[t]);
                }
            }
            longest = Math.max(longest, c.length);
        }
        double[] mean = new double[longest];
        double[] low = new double[longest];
        double[] high = new double[longest];
        int[] count = new int[longest];
        double[] column = new double[curves.size()];
        for (int t = 0; t < longest; t++) {
            int n = 0;
            double sum = 0;
            for (double[] c : curves) {
                if (t < c.length) {
                    column[n++] = c[t];
                    sum += c[t];
                }
            }
            double[] sorted = Arrays.copyOf(column, n);
            Arrays.sort(sorted);
            mean[t] = sum / n;
            low[t] = quantile(sorted, lowProbability);
            high[t] = quantile(sorted, highProbability);
            count[t] = n;
        }
        return new CurveBand(mean, low, high, count, lowProbability, highProbability, curves.size());
    }

    /** @return the p-quantile of ascending {@code sorted} (non-empty), definition 7 */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** @return number of steps (the longest curve's length) */
    public int steps() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }
}
