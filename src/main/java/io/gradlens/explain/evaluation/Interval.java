package io.gradlens.explain.evaluation;

/**
 * The mean of a metric over examples with a normal-approximation 95% confidence interval:
 * mean ± 1.96 · SE, SE = s / √n with the sample standard deviation s (n − 1 in the denominator).
 * NaN values (a metric not defined for an example) are left out and counted in {@link #n} only
 * when finite.
 *
 * @param mean      the mean over the examples with a finite value
 * @param halfWidth 1.96 · SE (0 for a single example)
 * @param n         the number of examples with a finite value
 */
public record Interval(double mean, double halfWidth, int n) {

    /** The z value of a two-sided 95% normal interval. */
    public static final double Z95 = 1.96;

    /** The interval of {@code values} (NaNs are skipped; no finite value gives mean NaN, n 0). */
    public static Interval of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Interval(mean, 0, 1);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Interval(mean, Z95 * se, n);
    }

    /** The lower end. */
    public double low() {
        return mean - halfWidth;
    }

    /** The upper end. */
    public double high() {
        return mean + halfWidth;
    }
}
