package io.gradlens.explain.evaluation;

/**
 * Relevance rank accuracy of Arras, Osman and Samek 2022 (CLEVR-XAI,
 * <a href="https://arxiv.org/abs/2003.07258">arXiv:2003.07258</a>): with K the size of the
 * ground-truth mask, the share of the K highest-scored positions that lie inside it. NaN for an
 * example with an empty mask. Higher is more faithful.
 */
public final class RankAccuracy extends GroundTruthMetric {

    /** The metric's name. */
    public static final String NAME = "rank-accuracy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double score(double[] s, boolean[] mask) {
        int k = 0;
        for (boolean v : mask) {
            k += v ? 1 : 0;
        }
        if (k == 0) {
            return Double.NaN;
        }
        int[] order = Ranking.descending(s);
        int hits = 0;
        for (int i = 0; i < k; i++) {
            hits += mask[order[i]] ? 1 : 0;
        }
        return (double) hits / k;
    }
}
