package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/**
 * Insertion curve of Petsiuk, Das and Saenko 2018 (RISE, BMVC,
 * <a href="https://arxiv.org/abs/1806.07421">arXiv:1806.07421</a>): starting from the input with
 * every position removed, the positions are put back in order of decreasing attribution, k % per
 * step; the score is the area under the explained class's probability over the inserted fraction
 * [0, 1] (trapezoidal rule). Higher is more faithful: the few top positions alone restore the
 * prediction.
 */
public final class Insertion implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "insertion-auc";

    private final PerturbationCurve curve;

    /** @param stepPercent k, the percentage of positions inserted per step, in (0, 100] */
    public Insertion(double stepPercent) {
        this.curve = new PerturbationCurve(stepPercent, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Petsiuk et al. 2018, arXiv:1806.07421";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions) {
        double[][] curves = curve.curves(context, attributions);
        double[] f = curve.fractions();
        double[] auc = new double[curves.length];
        for (int b = 0; b < curves.length; b++) {
            double area = 0;
            for (int j = 1; j < f.length; j++) {
                area += (f[j] - f[j - 1]) * (curves[b][j] + curves[b][j - 1]) / 2;
            }
            auc[b] = area;
        }
        return new MetricScores(NAME, auc, f, PerturbationCurve.mean(curves, f.length));
    }
}
