package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/**
 * ERASER sufficiency of DeYoung et al. 2020 (<a href="https://arxiv.org/abs/1911.03429">
 * arXiv:1911.03429</a>): how much the explained class's probability drops when only the rationale
 * (the top q % positions by attribution) is kept and everything else removed,
 * p(x) − p(r<sub>q</sub>), averaged over the bins q (by default 1, 5, 10, 20, 50 %; a bin holds
 * ⌈q/100 · n⌉ positions, at least one). Lower is more faithful: the rationale alone suffices.
 */
public final class Sufficiency implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "sufficiency";

    private final EraserBins bins;

    /** At ERASER's standard bins 1, 5, 10, 20, 50 %. */
    public Sufficiency() {
        this(EraserBins.STANDARD);
    }

    /** @param binsPercent the bins, each in (0, 100] */
    public Sufficiency(List<Double> binsPercent) {
        this.bins = new EraserBins(binsPercent, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "DeYoung et al. 2020, arXiv:1911.03429";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions) {
        return MetricScores.of(NAME, bins.perExample(context, attributions));
    }
}
