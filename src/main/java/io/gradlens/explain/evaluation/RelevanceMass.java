package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/**
 * Relevance mass accuracy of Arras, Osman and Samek 2022 ("CLEVR-XAI: A benchmark dataset for the
 * ground truth evaluation of neural network explanations", Information Fusion 81,
 * <a href="https://arxiv.org/abs/2003.07258">arXiv:2003.07258</a>): the share of the positive
 * relevance that falls inside the ground-truth mask, R<sub>within</sub> / R<sub>total</sub>, over
 * positive scores only as in the paper. NaN for an example without positive relevance. Needs
 * ground-truth masks (e.g. the decoy datasets' planted tokens/pixels). Higher is more faithful.
 */
public final class RelevanceMass implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "relevance-mass";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Arras et al. 2022, arXiv:2003.07258";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public boolean appliesTo(EvaluationContext context) {
        return context.masks() != null;
    }

    @Override
    public String unavailable(EvaluationContext context) {
        return appliesTo(context) ? null : "needs ground-truth masks, which this dataset does not have";
    }

    @Override
    public MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions) {
        GroundTruth.require(context, NAME);
        double[] out = new double[attributions.size()];
        for (int b = 0; b < out.length; b++) {
            double[] s = attributions.get(b).scores();
            boolean[] m = context.masks().get(b);
            double within = 0;
            double total = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] > 0) {
                    total += s[i];
                    within += m[i] ? s[i] : 0;
                }
            }
            out[b] = total > 0 ? within / total : Double.NaN;
        }
        return MetricScores.of(NAME, out);
    }
}
