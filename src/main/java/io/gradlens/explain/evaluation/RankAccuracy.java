package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/**
 * Relevance rank accuracy of Arras, Osman and Samek 2022 (CLEVR-XAI,
 * <a href="https://arxiv.org/abs/2003.07258">arXiv:2003.07258</a>): with K the size of the
 * ground-truth mask, the share of the K highest-scored positions that lie inside it. NaN for an
 * example with an empty mask. Higher is more faithful.
 */
public final class RankAccuracy implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "rank-accuracy";

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
            boolean[] m = context.masks().get(b);
            int k = 0;
            for (boolean v : m) {
                k += v ? 1 : 0;
            }
            if (k == 0) {
                out[b] = Double.NaN;
                continue;
            }
            int[] order = Ranking.descending(attributions.get(b).scores());
            int hits = 0;
            for (int i = 0; i < k; i++) {
                hits += m[order[i]] ? 1 : 0;
            }
            out[b] = (double) hits / k;
        }
        return MetricScores.of(NAME, out);
    }
}
