package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The explained class's probability as the most relevant positions are removed (deletion) or
 * inserted into an all-removed input (insertion), at fractions 0, k, 2k, … 100 % of each example's
 * positions (round(f · n) positions at fraction f). Every variant of every example is scored in
 * one batched pass.
 */
abstract class PerturbationCurve implements FaithfulnessMetric {

    private final double stepPercent;
    private final boolean insertion;

    PerturbationCurve(double stepPercent, boolean insertion) {
        if (!(stepPercent > 0 && stepPercent <= 100)) {
            throw new IllegalArgumentException("--step must be in (0, 100] percent, got " + stepPercent);
        }
        this.stepPercent = stepPercent;
        this.insertion = insertion;
    }

    /** The fractions 0, k/100, 2k/100, …, 1. */
    double[] fractions() {
        int steps = (int) Math.ceil(100.0 / stepPercent - 1e-9);
        double[] f = new double[steps + 1];
        for (int j = 0; j <= steps; j++) {
            f[j] = Math.min(1.0, j * stepPercent / 100.0);
        }
        return f;
    }

    /** curves[b][j]: the probability of example b's target at fraction j. */
    private double[][] curves(EvaluationContext ctx, List<Attribution> attributions) {
        AttributionInputs inputs = ctx.inputs();
        if (attributions.size() != inputs.size()) {
            throw new IllegalArgumentException(attributions.size() + " attributions for " + inputs.size()
                    + " examples");
        }
        double[] f = fractions();
        List<Integer> examples = new ArrayList<>();
        List<boolean[]> removed = new ArrayList<>();
        int[] targets = new int[inputs.size() * f.length];
        for (int b = 0; b < inputs.size(); b++) {
            int n = Removal.positions(inputs, b);
            int[] order = Ranking.descending(attributions.get(b).scores());
            for (int j = 0; j < f.length; j++) {
                boolean[] top = Ranking.top(order, (int) Math.round(f[j] * n));
                examples.add(b);
                removed.add(insertion ? Ranking.not(top) : top);
                targets[b * f.length + j] = attributions.get(b).target();
            }
        }
        ctx.cancel().throwIfCancelled();
        double[] p = ctx.scores().of(ctx.removal().apply(inputs, examples, removed), targets, Scale.PROBABILITY);
        double[][] out = new double[inputs.size()][f.length];
        for (int b = 0; b < inputs.size(); b++) {
            System.arraycopy(p, b * f.length, out[b], 0, f.length);
        }
        return out;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions) {
        double[][] curves = curves(context, attributions);
        double[] f = fractions();
        double[] value = new double[curves.length];
        for (int b = 0; b < curves.length; b++) {
            value[b] = summarise(f, curves[b]);
        }
        return new MetricScores(name(), value, f, mean(curves, f.length));
    }

    /** One example's value from its curve over the fractions {@code f}. */
    abstract double summarise(double[] f, double[] curve);

    private static double[] mean(double[][] curves, int length) {
        double[] m = new double[length];
        for (double[] c : curves) {
            for (int j = 0; j < length; j++) {
                m[j] += c[j] / curves.length;
            }
        }
        return m;
    }
}
