package io.gradlens.explain.evaluation;

/**
 * Relevance mass accuracy of Arras, Osman and Samek 2022 ("CLEVR-XAI: A benchmark dataset for the
 * ground truth evaluation of neural network explanations", Information Fusion 81,
 * <a href="https://arxiv.org/abs/2003.07258">arXiv:2003.07258</a>): the share of the positive
 * relevance that falls inside the ground-truth mask, R<sub>within</sub> / R<sub>total</sub>, over
 * positive scores only as in the paper. NaN for an example without positive relevance. Needs
 * ground-truth masks (e.g. the decoy datasets' planted tokens/pixels). Higher is more faithful.
 */
public final class RelevanceMass extends GroundTruthMetric {

    /** The metric's name. */
    public static final String NAME = "relevance-mass";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double score(double[] s, boolean[] mask) {
        double within = 0;
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] > 0) {
                total += s[i];
                within += mask[i] ? s[i] : 0;
            }
        }
        return total > 0 ? within / total : Double.NaN;
    }
}
