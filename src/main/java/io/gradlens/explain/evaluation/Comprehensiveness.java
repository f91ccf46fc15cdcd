package io.gradlens.explain.evaluation;

import java.util.List;

/**
 * ERASER comprehensiveness of DeYoung, Jain, Rajani, Lehman, Xiong, Socher and Wallace 2020
 * ("ERASER: A Benchmark to Evaluate Rationalized NLP Models", ACL,
 * <a href="https://arxiv.org/abs/1911.03429">arXiv:1911.03429</a>): how much the explained class's
 * probability drops when the rationale (the top q % positions by attribution) is removed,
 * p(x) − p(x \ r<sub>q</sub>), averaged over the bins q (by default 1, 5, 10, 20, 50 %; a bin
 * holds ⌈q/100 · n⌉ positions, at least one). Higher is more faithful.
 */
public final class Comprehensiveness extends EraserBins {

    /** The metric's name. */
    public static final String NAME = "comprehensiveness";

    /** At ERASER's standard bins 1, 5, 10, 20, 50 %. */
    public Comprehensiveness() {
        this(EraserBins.STANDARD);
    }

    /** @param binsPercent the bins, each in (0, 100] */
    public Comprehensiveness(List<Double> binsPercent) {
        super(binsPercent, false);
    }

    @Override
    public String name() {
        return NAME;
    }
}
