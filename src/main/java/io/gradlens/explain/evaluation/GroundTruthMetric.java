package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/**
 * A metric of a map against a ground-truth mask (Arras, Osman and Samek 2022, CLEVR-XAI,
 * <a href="https://arxiv.org/abs/2003.07258">arXiv:2003.07258</a>): applies only when the context
 * carries masks; scores each example from its scores and mask alone. Higher is more faithful.
 */
abstract class GroundTruthMetric implements FaithfulnessMetric {

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
        if (!appliesTo(context)) {
            throw new IllegalArgumentException("--metric " + name() + " " + unavailable(context));
        }
        double[] out = new double[attributions.size()];
        for (int b = 0; b < out.length; b++) {
            out[b] = score(attributions.get(b).scores(), context.masks().get(b));
        }
        return MetricScores.of(name(), out);
    }

    /** The value of one example (NaN where undefined). */
    abstract double score(double[] scores, boolean[] mask);
}
