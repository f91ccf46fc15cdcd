package io.gradlens.explain.evaluation;

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
public final class Deletion extends PerturbationCurve {

    /** The metric's name. */
    public static final String NAME = "deletion-aopc";

    /** @param stepPercent k, the percentage of positions removed per step, in (0, 100] */
    public Deletion(double stepPercent) {
        super(stepPercent, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Samek et al. 2017, arXiv:1509.06321; Petsiuk et al. 2018, arXiv:1806.07421";
    }

    /** AOPC: the mean drop p(x) − p(x_j) over the L + 1 steps. */
    @Override
    double summarise(double[] f, double[] curve) {
        double sum = 0;
        for (double p : curve) {
            sum += curve[0] - p;
        }
        return sum / curve.length;
    }
}
