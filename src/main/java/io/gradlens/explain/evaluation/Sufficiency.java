package io.gradlens.explain.evaluation;

import java.util.List;

/**
 * ERASER sufficiency of DeYoung et al. 2020 (<a href="https://arxiv.org/abs/1911.03429">
 * arXiv:1911.03429</a>): how much the explained class's probability drops when only the rationale
 * (the top q % positions by attribution) is kept and everything else removed,
 * p(x) − p(r<sub>q</sub>), averaged over the bins q (by default 1, 5, 10, 20, 50 %; a bin holds
 * ⌈q/100 · n⌉ positions, at least one). Lower is more faithful: the rationale alone suffices.
 */
public final class Sufficiency extends EraserBins {

    /** The metric's name. */
    public static final String NAME = "sufficiency";

    /** At ERASER's standard bins 1, 5, 10, 20, 50 %. */
    public Sufficiency() {
        this(EraserBins.STANDARD);
    }

    /** @param binsPercent the bins, each in (0, 100] */
    public Sufficiency(List<Double> binsPercent) {
        super(binsPercent, true);
    }

    @Override
    public String name() {
        return NAME;
    }
}
