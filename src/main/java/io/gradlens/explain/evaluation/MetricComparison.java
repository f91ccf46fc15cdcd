package io.gradlens.explain.evaluation;

/**
 * One metric for one method beside the same metric for the random baseline.
 *
 * @param metric         the metric's name
 * @param citation       its paper
 * @param higherIsBetter whether higher is more faithful
 * @param method         the method's values
 * @param random         the random baseline's values ({@link RandomAttribution})
 */
public record MetricComparison(String metric, String citation, boolean higherIsBetter, MetricScores method,
                               MetricScores random) {

    /** Whether the method's mean is better than the random baseline's. */
    public boolean beatsRandom() {
        double m = method.interval().mean();
        double r = random.interval().mean();
        return higherIsBetter ? m > r : m < r;
    }

    /**
     * Whether the method is better than random beyond both 95% intervals (they do not overlap).
     */
    public boolean beatsRandomBeyondIntervals() {
        Interval m = method.interval();
        Interval r = random.interval();
        return higherIsBetter ? m.low() > r.high() : m.high() < r.low();
    }
}
