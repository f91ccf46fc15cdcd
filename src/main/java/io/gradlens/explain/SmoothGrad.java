package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SmoothGrad (Smilkov, Thorat, Kim, Viégas and Wattenberg 2017, "SmoothGrad: removing noise by
 * adding noise", <a href="https://arxiv.org/abs/1706.03825">arXiv:1706.03825</a>): the gradient
 * averaged over {@code samples} copies of the input with Gaussian noise N(0, σ²) added, then
 * reduced per token or pixel. σ is absolute, or relative to each example's value range
 * {@code max(x) − min(x)} over its real positions, as in the paper (10–20% works well for images).
 * Each example's noise comes from its own generator, seeded with {@code seed} and the example's
 * content (its token ids or values), one draw per real element: a seed in gives the same numbers
 * out, and neither padding, nor the example's place in a batch, nor the other examples change
 * its noise; padding gets no noise.
 *
 * <p>With σ = 0 every noisy copy is the input itself, so the mean gradient is the gradient: it is
 * computed once, and SmoothGrad then equals {@link Gradient} exactly. Otherwise several noisy
 * copies of the batch share one tape pass.
 */
public final class SmoothGrad implements AttributionMethod {

    private final int samples;
    private final double sigma;
    private final boolean relative;
    private final long seed;
    private final Aggregation aggregation;
    private final ExplainedOutput output;

    /**
     * @param samples     noisy copies per example (≥ 1)
     * @param sigma       the noise level (≥ 0)
     * @param relative    whether σ is a fraction of each example's value range
     * @param seed        seeds the noise
     * @param aggregation the reduction per token or pixel
     * @param output      the explained scalar
     */
    public SmoothGrad(int samples, double sigma, boolean relative, long seed, Aggregation aggregation,
                      ExplainedOutput output) {
        if (samples < 1) {
            throw new IllegalArgumentException("SmoothGrad needs at least 1 sample, got " + samples);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("the noise level must be a finite number ≥ 0, got " + sigma);
        }
        this.samples = samples;
        this.sigma = sigma;
        this.relative = relative;
        this.seed = seed;
        this.aggregation = java.util.Objects.requireNonNull(aggregation, "aggregation");
        this.output = java.util.Objects.requireNonNull(output, "output");
    }

    /** {@code samples} samples at relative noise {@code sigma}, seed 0, summed, of log p_target. */
    public static SmoothGrad of(int samples, double sigma) {
        return new SmoothGrad(samples, sigma, true, 0, Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY);
    }

    @Override
    public String name() {
        return "smoothgrad";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("samples", samples);
        p.put("noise", sigma);
        p.put("noise_scale", relative ? "relative" : "absolute");
        p.put("seed", seed);
        p.put("aggregate", aggregation.cliName());
        p.put("output", output.cliName());
        return p;
    }

    @Override
    public List<Attribution> attribute(Classifier model, AttributionInputs inputs, AttributionTarget target) {
        PreparedBatch batch = PreparedBatch.of(model, inputs, target);
        if (sigma == 0) {
            InputGradient.Evaluation e = InputGradient.evaluate(batch, output);
            return batch.toAttributions(batch.masked(e.gradient()), aggregation, name(), parameters(), null);
        }
        double[] scale = noiseScale(batch);
        Random[] random = new Random[batch.size()];
        for (int b = 0; b < random.length; b++) {
            random[b] = new Random(seed * 1_000_003L + batch.contentHash(b));
        }
        INDArray mean = batch.zeros();
        int perPass = InputGradient.variantsPerPass(batch.size());
        int done = 0;
        while (done < samples) {
            List<INDArray> variants = new ArrayList<>();
            for (int i = done; i < Math.min(samples, done + perPass); i++) {
                variants.add(batch.x.add(noise(random, batch, scale)));
            }
            for (InputGradient.Evaluation e : InputGradient.evaluateStacked(batch, variants, output)) {
                done++;
                mean.addi(e.gradient().sub(mean).divi(done));
            }
        }
        return batch.toAttributions(batch.masked(mean), aggregation, name(), parameters(), null);
    }

    /** σ per example: absolute, or times the example's value range over its real positions. */
    private double[] noiseScale(PreparedBatch batch) {
        double[] s = new double[batch.size()];
        double[] flat = batch.x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int per = flat.length / batch.size();
        for (int b = 0; b < s.length; b++) {
            if (!relative) {
                s[b] = sigma;
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < per; i++) {
                if (isReal(batch, b, i)) {
                    lo = Math.min(lo, flat[b * per + i]);
                    hi = Math.max(hi, flat[b * per + i]);
                }
            }
            s[b] = hi > lo ? sigma * (hi - lo) : 0.0;
        }
        return s;
    }

    private static boolean isReal(PreparedBatch batch, int b, int element) {
        if (batch.real == null) {
            return true;
        }
        int t = (int) (element / batch.x.size(2));
        return batch.real[b][t];
    }

    /** Noise shaped like x: example b's real elements draw from generator b, in order; padding gets 0. */
    private static INDArray noise(Random[] random, PreparedBatch batch, double[] scale) {
        int per = (int) (batch.x.length() / batch.size());
        double[] values = new double[per * batch.size()];
        for (int b = 0; b < batch.size(); b++) {
            for (int i = 0; i < per; i++) {
                if (isReal(batch, b, i)) {
                    values[b * per + i] = scale[b] * random[b].nextGaussian();
                }
            }
        }
        return Nd4j.create(values, batch.x.shape(), 'c').castTo(batch.x.dataType());
    }
}
