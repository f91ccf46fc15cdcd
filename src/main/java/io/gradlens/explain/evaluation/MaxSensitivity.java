package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Max-sensitivity of Yeh et al. 2019 (<a href="https://arxiv.org/abs/1901.09392">
 * arXiv:1901.09392</a>): SENS<sub>MAX</sub> = max<sub>‖y − x‖∞ ≤ r</sub> ‖φ(y) − φ(x)‖ /
 * ‖φ(x)‖, estimated by Monte Carlo over seeded uniform perturbations in the L∞ ball of radius r,
 * each re-explained for the same class; the norm is L2 and the ratio is normalised by ‖φ(x)‖ as
 * in Captum's {@code sensitivity_max}. Defined for continuous inputs (images, numeric rows), not
 * for token ids. Lower is more robust.
 */
public final class MaxSensitivity implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "max-sensitivity";

    private final double radius;
    private final int samples;
    private final long seed;

    /**
     * @param radius  r, the L∞ radius of the perturbations (&gt; 0)
     * @param samples perturbations per example (≥ 1)
     * @param seed    seeds the perturbations
     */
    public MaxSensitivity(double radius, int samples, long seed) {
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("--radius must be > 0, got " + radius);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--perturbations must be ≥ 1, got " + samples);
        }
        this.radius = radius;
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Yeh et al. 2019, arXiv:1901.09392";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public boolean appliesTo(EvaluationContext context) {
        return !(context.inputs() instanceof AttributionInputs.Tokens);
    }

    @Override
    public String unavailable(EvaluationContext context) {
        return appliesTo(context) ? null : "perturbs continuous inputs; token ids cannot be perturbed by noise";
    }

    @Override
    public MetricScores evaluate(EvaluationContext ctx, AttributionMethod method, List<Attribution> attributions) {
        if (!appliesTo(ctx)) {
            throw new IllegalArgumentException("--metric " + NAME + " " + unavailable(ctx));
        }
        AttributionInputs inputs = ctx.inputs();
        Random random = new Random(seed);
        double[] out = new double[inputs.size()];
        for (int b = 0; b < inputs.size(); b++) {
            ctx.cancel().throwIfCancelled();
            AttributionInputs noisy = noisy(inputs, b, random);
            int target = attributions.get(b).target();
            double[] phi = attributions.get(b).scores();
            double norm = norm(phi, null);
            double worst = 0;
            for (int from = 0; from < samples; from += ctx.scores().batchSize()) {
                int to = Math.min(samples, from + ctx.scores().batchSize());
                for (Attribution a : method.attribute(ctx.scores().model(), noisy.range(from, to),
                        AttributionTarget.of(target))) {
                    worst = Math.max(worst, norm(a.scores(), phi));
                }
            }
            out[b] = norm > 0 ? worst / norm : Double.NaN;
        }
        return MetricScores.of(NAME, out);
    }

    private AttributionInputs noisy(AttributionInputs inputs, int b, Random random) {
        if (inputs instanceof AttributionInputs.Images im) {
            List<float[]> out = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                float[] p = im.pixels().get(b).clone();
                for (int i = 0; i < p.length; i++) {
                    p[i] += (float) ((2 * random.nextDouble() - 1) * radius);
                }
                out.add(p);
            }
            return new AttributionInputs.Images(im.height(), im.width(), im.channels(), out);
        }
        AttributionInputs.Numeric n = (AttributionInputs.Numeric) inputs;
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            double[] r = n.rows().get(b).clone();
            for (int i = 0; i < r.length; i++) {
                r[i] += (2 * random.nextDouble() - 1) * radius;
            }
            out.add(r);
        }
        return new AttributionInputs.Numeric(n.shape(), out);
    }

    /** ‖a − b‖₂ (‖a‖₂ when b is null). */
    private static double norm(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - (b == null ? 0 : b[i]);
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
