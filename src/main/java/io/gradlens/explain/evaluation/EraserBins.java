package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The ERASER binned rationale of DeYoung et al. 2020: for each bin q % the top
 * ⌈q/100 · n⌉ positions by attribution (at least one), scored either removed (comprehensiveness)
 * or kept alone with the rest removed (sufficiency); the per-example value is the mean over the
 * bins of p(x) − p(variant), the "AOPC" form of ERASER's Section 4.2.
 */
abstract class EraserBins implements FaithfulnessMetric {

    /** The standard bins of ERASER: 1, 5, 10, 20 and 50 %. */
    static final List<Double> STANDARD = List.of(1.0, 5.0, 10.0, 20.0, 50.0);

    private final double[] bins;
    private final boolean keepOnly;

    /**
     * @param binsPercent the bins, each in (0, 100]
     * @param keepOnly    keep only the rationale (sufficiency) instead of removing it
     */
    EraserBins(List<Double> binsPercent, boolean keepOnly) {
        if (binsPercent.isEmpty()) {
            throw new IllegalArgumentException("--bins needs at least one percentage");
        }
        bins = new double[binsPercent.size()];
        for (int i = 0; i < bins.length; i++) {
            double q = binsPercent.get(i);
            if (!(q > 0 && q <= 100)) {
                throw new IllegalArgumentException("--bins must be percentages in (0, 100], got " + q);
            }
            bins[i] = q;
        }
        this.keepOnly = keepOnly;
    }

    /** How many positions of {@code n} the bin {@code q} % holds. */
    static int count(double q, int n) {
        return Math.min(n, Math.max(1, (int) Math.ceil(q / 100.0 * n - 1e-9)));
    }

    @Override
    public String citation() {
        return "DeYoung et al. 2020, arXiv:1911.03429";
    }

    @Override
    public boolean higherIsBetter() {
        return !keepOnly;
    }

    @Override
    public MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions) {
        return MetricScores.of(name(), perExample(context, attributions));
    }

    private double[] perExample(EvaluationContext ctx, List<Attribution> attributions) {
        AttributionInputs inputs = ctx.inputs();
        int per = bins.length + 1;
        List<Integer> examples = new ArrayList<>();
        List<boolean[]> removed = new ArrayList<>();
        int[] targets = new int[inputs.size() * per];
        for (int b = 0; b < inputs.size(); b++) {
            int n = Removal.positions(inputs, b);
            int[] order = Ranking.descending(attributions.get(b).scores());
            examples.add(b);
            removed.add(new boolean[n]);
            for (double q : bins) {
                boolean[] top = Ranking.top(order, count(q, n));
                examples.add(b);
                removed.add(keepOnly ? Ranking.not(top) : top);
            }
            java.util.Arrays.fill(targets, b * per, (b + 1) * per, attributions.get(b).target());
        }
        ctx.cancel().throwIfCancelled();
        double[] p = ctx.scores().of(ctx.removal().apply(inputs, examples, removed), targets, Scale.PROBABILITY);
        double[] out = new double[inputs.size()];
        for (int b = 0; b < inputs.size(); b++) {
            double sum = 0;
            for (int i = 1; i < per; i++) {
                sum += p[b * per] - p[b * per + i];
            }
            out[b] = sum / bins.length;
        }
        return out;
    }
}
