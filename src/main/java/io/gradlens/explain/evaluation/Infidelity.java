package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Infidelity of Yeh, Hsieh, Suggala, Inouye and Ravikumar 2019 ("On the (In)fidelity and
 * Sensitivity of Explanations", NeurIPS, <a href="https://arxiv.org/abs/1901.09392">
 * arXiv:1901.09392</a>): INFD = E<sub>I</sub>[(I<sup>T</sup>φ − (f(x) − f(x − I)))²] with the
 * paper's baseline-removal perturbations: I removes a random subset S of positions (each
 * independently with probability ½, seeded), so I<sup>T</sup>φ = Σ<sub>i∈S</sub> φ<sub>i</sub>.
 * f is the scalar the method explained (its {@code output} parameter: log-probability or logit of
 * the target), so gradient × input of a linear logit with a zero baseline has infidelity exactly 0.
 * Unnormalised (no optimal rescaling of φ). Lower is more faithful.
 */
public final class Infidelity implements FaithfulnessMetric {

    /** The metric's name. */
    public static final String NAME = "infidelity";

    private final int samples;
    private final long seed;

    /**
     * @param samples perturbations per example (≥ 1)
     * @param seed    seeds the removed subsets
     */
    public Infidelity(int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("--perturbations must be ≥ 1, got " + samples);
        }
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
    public MetricScores evaluate(EvaluationContext ctx, AttributionMethod method, List<Attribution> attributions) {
        AttributionInputs inputs = ctx.inputs();
        Random random = new Random(seed);
        int per = samples + 1;
        List<Integer> examples = new ArrayList<>();
        List<boolean[]> removed = new ArrayList<>();
        double[] explained = new double[inputs.size() * per];
        int[] targets = new int[inputs.size() * per];
        for (int b = 0; b < inputs.size(); b++) {
            double[] phi = attributions.get(b).scores();
            examples.add(b);
            removed.add(new boolean[phi.length]);
            for (int s = 0; s < samples; s++) {
                boolean[] r = new boolean[phi.length];
                double dot = 0;
                for (int i = 0; i < r.length; i++) {
                    r[i] = random.nextBoolean();
                    dot += r[i] ? phi[i] : 0;
                }
                examples.add(b);
                removed.add(r);
                explained[b * per + 1 + s] = dot;
            }
            java.util.Arrays.fill(targets, b * per, (b + 1) * per, attributions.get(b).target());
        }
        ctx.cancel().throwIfCancelled();
        Scale scale = attributions.isEmpty() ? Scale.PROBABILITY
                : Scale.ofMethodOutput(attributions.get(0).parameters().get("output"));
        double[] f = ctx.scores().of(ctx.removal().apply(inputs, examples, removed), targets, scale);
        double[] out = new double[inputs.size()];
        for (int b = 0; b < inputs.size(); b++) {
            double sum = 0;
            for (int s = 1; s < per; s++) {
                double e = explained[b * per + s] - (f[b * per] - f[b * per + s]);
                sum += e * e;
            }
            out[b] = sum / samples;
        }
        return MetricScores.of(NAME, out);
    }
}
