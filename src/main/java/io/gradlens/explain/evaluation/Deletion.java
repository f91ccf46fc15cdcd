package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/**
 * Deletion curve and its area over the perturbation curve (AOPC) of Samek, Binder, Montavon,
 * Lapuschkin and Müller 2017 ("Evaluating the visualization of what a deep neural network has
 * learned", IEEE TNNLS, <a href="https://arxiv.org/abs/1509.06321">arXiv:1509.06321</a>), the
 * "most relevant first" deletion also used by Petsiuk, Das and Saenko 2018 (RISE,
 * <a href="https://arxiv.org/abs/1806.07421">arXiv:1806.07421</a>): the positions are removed in
 * order of decreasing attribution, k % of them per step, and
 * AOPC = 1/(L+1) · Σ<sub>j=0..L</sub> (p(x) − p(x<sub>j</sub>)), where x<sub>j</sub> has the top
 * j·k % positions removed. Higher is more faithful: the map found what the prediction rests on.
 */
public final class Deletion implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "deletion-aopc";

    private final PerturbationCurve curve;

    /** @param stepPercent k, the percentage of positions removed per step, in (0, 100] */
    public Deletion(double stepPercent) {
        this.curve = new PerturbationCurve(stepPercent, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Samek et al. 2017, arXiv:1509.06321; Petsiuk et al. 2018, arXiv:1806.07421";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions) {
        double[][] curves = curve.curves(context, attributions);
        double[] aopc = new double[curves.length];
        for (int b = 0; b < curves.length; b++) {
            double sum = 0;
            for (double p : curves[b]) {
                sum += curves[b][0] - p;
            }
            aopc[b] = sum / curves[b].length;
        }
        double[] f = curve.fractions();
        return new MetricScores(NAME, aopc, f, PerturbationCurve.mean(curves, f.length));
    }
}
