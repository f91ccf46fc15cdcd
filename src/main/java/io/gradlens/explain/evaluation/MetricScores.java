package io.gradlens.explain.evaluation;

/**
 * One metric's values for one attribution method: a value per example and, for curve metrics, the
 * curve averaged over examples.
 *
 * @param metric     the metric's name, e.g. {@code deletion-aopc}
 * @param perExample one value per example (NaN where the metric is not defined for it)
 * @param fractions  the removed (deletion) or inserted (insertion) fractions of the curve, or an
 *                   empty array
 * @param meanCurve  the explained class's mean probability at each fraction, or an empty array
 */
public record MetricScores(String metric, double[] perExample, double[] fractions, double[] meanCurve) {

    /** Copies the arrays; a curve needs one value per fraction. */
    public MetricScores {
        perExample = perExample.clone();
        fractions = fractions.clone();
        meanCurve = meanCurve.clone();
        if (fractions.length != meanCurve.length) {
            throw new IllegalArgumentException(fractions.length + " fractions but " + meanCurve.length
                    + " curve values");
        }
    }

    /** A metric without a curve. */
    public static MetricScores of(String metric, double[] perExample) {
        return new MetricScores(metric, perExample, new double[0], new double[0]);
    }

    /** The mean and 95% interval over examples. */
    public Interval interval() {
        return Interval.of(perExample);
    }

    @Override
    public double[] perExample() {
        return perExample.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] meanCurve() {
        return meanCurve.clone();
    }
}
