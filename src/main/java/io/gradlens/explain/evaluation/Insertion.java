package io.gradlens.explain.evaluation;

/**
 * Insertion curve of Petsiuk, Das and Saenko 2018 (RISE, BMVC,
 * <a href="https://arxiv.org/abs/1806.07421">arXiv:1806.07421</a>): starting from the input with
 * every position removed, the positions are put back in order of decreasing attribution, k % per
 * step; the score is the area under the explained class's probability over the inserted fraction
 * [0, 1] (trapezoidal rule). Higher is more faithful: the few top positions alone restore the
 * prediction.
 */
public final class Insertion extends PerturbationCurve {

    /** The metric's name. */
    public static final String NAME = "insertion-auc";

    /** @param stepPercent k, the percentage of positions inserted per step, in (0, 100] */
    public Insertion(double stepPercent) {
        super(stepPercent, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Petsiuk et al. 2018, arXiv:1806.07421";
    }

    /** The trapezoidal area under the curve over the inserted fraction [0, 1]. */
    @Override
    double summarise(double[] f, double[] curve) {
        double area = 0;
        for (int j = 1; j < f.length; j++) {
            area += (f[j] - f[j - 1]) * (curve[j] + curve[j - 1]) / 2;
        }
        return area;
    }
}
