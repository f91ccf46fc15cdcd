package io.gradlens.explain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.nn.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metrics against closed forms on hand-built linear models. */
class FaithfulnessMetricsTest {

    private static final double[] W = {2.0, -1.5, 0.7, 3.0, -0.4, 1.1, -2.2, 0.3, 0.9, -0.8};

    private static AttributionInputs.Images images(int n, long seed) {
        Random r = new Random(seed);
        List<float[]> px = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            float[] p = new float[W.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextFloat();
            }
            px.add(p);
        }
        return new AttributionInputs.Images(1, W.length, 1, px);
    }

    private static AttributionMethod exact(Classifier model) {
        return AttributionMethods.build("grad-x-input", Map.of("output", "logit"), model);
    }

    private static EvaluationContext context(Classifier model, AttributionInputs inputs) {
        return EvaluationContext.of(new ModelScores(model, 64), inputs, Removal.baseline(0));
    }

    /**
     * For p = σ(w·x) with a zero baseline, removing the k positions of largest wᵢxᵢ lowers the
     * logit the most at every step, so the exact attribution's deletion AOPC is the largest of any
     * ordering: per example it is ≥ the random permutation's, and on the mean it beats random by
     * at least 0.05 (probability units) and beyond the random baseline's 95% interval.
     */
    @Test
    void deletionAopcOfTheExactAttributionBeatsRandomOnALinearModel() {
        Classifier model = LinearModels.linear(W);
        AttributionInputs.Images inputs = images(40, 1);
        AttributionMethod method = exact(model);
        List<Attribution> maps = method.attribute(model, inputs, AttributionTarget.of(0));
        List<Attribution> random = new RandomAttribution(method, 3).shuffle(maps);
        Deletion deletion = new Deletion(10);
        EvaluationContext ctx = context(model, inputs);
        MetricScores exactScores = deletion.evaluate(ctx, method, maps);
        MetricScores randomScores = deletion.evaluate(ctx, method, random);
        for (int b = 0; b < inputs.size(); b++) {
            assertTrue(exactScores.perExample()[b] >= randomScores.perExample()[b] - 1e-12, "example " + b);
        }
        Interval e = exactScores.interval();
        Interval r = randomScores.interval();
        assertTrue(e.mean() - r.mean() > 0.05, e + " vs random " + r);
        assertTrue(e.low() > r.high(), e + " vs random " + r);
        assertEquals(11, exactScores.fractions().length, "0, 10, …, 100 %");
        assertEquals(0.0, exactScores.meanCurve()[0] - meanP(model, inputs), 1e-12, "the curve starts at p(x)");
    }

    private static double meanP(Classifier model, AttributionInputs.Images inputs) {
        double s = 0;
        for (float[] p : inputs.pixels()) {
            double z = 0;
            for (int i = 0; i < W.length; i++) {
                z += W[i] * p[i];
            }
            s += LinearModels.sigmoid(z) / inputs.size();
        }
        return s;
    }

    /** Insertion from the all-zero input: the exact map restores the logit fastest. */
    @Test
    void insertionAucOfTheExactAttributionBeatsRandom() {
        Classifier model = LinearModels.linear(W);
        AttributionInputs inputs = images(40, 2);
        AttributionMethod method = exact(model);
        List<Attribution> maps = method.attribute(model, inputs, AttributionTarget.of(0));
        EvaluationContext ctx = context(model, inputs);
        Insertion insertion = new Insertion(20);
        double e = insertion.evaluate(ctx, method, maps).interval().mean();
        double r = insertion.evaluate(ctx, method, new RandomAttribution(method, 5).shuffle(maps)).interval().mean();
        assertTrue(e > r + 0.05, e + " vs random " + r);
    }

    /**
     * p = σ(w·x) with w = (2, −1, 0.5, 1), x = 1, attribution ranking positions 0, 2, 3, 1. With 4
     * positions the bins 1, 5, 10, 20 % hold one position and 50 % two, so comprehensiveness =
     * (4 (σ(2.5) − σ(0.5)) + (σ(2.5) − σ(0))) / 5 and sufficiency = (4 (σ(2.5) − σ(2)) + 0) / 5.
     */
    @Test
    void comprehensivenessAndSufficiencyEqualHandComputedValues() {
        Classifier model = LinearModels.linear(new double[] {2, -1, 0.5, 1});
        AttributionInputs inputs = new AttributionInputs.Images(1, 4, 1, List.of(new float[] {1, 1, 1, 1}));
        List<Attribution> maps = List.of(new PixelAttribution(1, 4, 1, new double[] {4, 1, 3, 2}, 0,
                new double[] {0.5, 0.5}, "hand", Map.of(), Map.of()));
        EvaluationContext ctx = context(model, inputs);
        double p = LinearModels.sigmoid(2.5);
        double comp = (4 * (p - LinearModels.sigmoid(0.5)) + (p - 0.5)) / 5;
        double suff = (4 * (p - LinearModels.sigmoid(2))) / 5;
        assertEquals(comp, new Comprehensiveness().evaluate(ctx, null, maps).perExample()[0], 1e-12);
        assertEquals(suff, new Sufficiency().evaluate(ctx, null, maps).perExample()[0], 1e-12);
        assertEquals(1, EraserBins.count(1, 4));
        assertEquals(2, EraserBins.count(50, 4));
    }

    /**
     * For a linear logit and a zero baseline, f(x) − f(x with S removed) = Σ_{i∈S} wᵢxᵢ, which is
     * exactly the gradient × input map summed over S: infidelity 0. The plain gradient (wᵢ) and the
     * permuted map are not exact, so theirs is positive.
     */
    @Test
    void infidelityIsZeroForTheExactAttributionOfALinearModel() {
        Classifier model = LinearModels.linear(W);
        AttributionInputs inputs = images(20, 3);
        AttributionMethod method = exact(model);
        List<Attribution> maps = method.attribute(model, inputs, AttributionTarget.of(0));
        EvaluationContext ctx = context(model, inputs);
        Infidelity infidelity = new Infidelity(16, 9);
        for (double v : infidelity.evaluate(ctx, method, maps).perExample()) {
            assertEquals(0.0, v, 1e-18);
        }
        AttributionMethod gradient = AttributionMethods.build("gradient", Map.of("output", "logit"), model);
        List<Attribution> g = gradient.attribute(model, inputs, AttributionTarget.of(0));
        assertTrue(infidelity.evaluate(ctx, gradient, g).interval().mean() > 1e-3);
        assertTrue(infidelity.evaluate(ctx, method, new RandomAttribution(method, 1).shuffle(maps)).interval().mean()
                > 1e-3);
    }

    /** The gradient of a linear logit is w everywhere: max-sensitivity 0; gradient × input moves. */
    @Test
    void maxSensitivityIsZeroForTheGradientOfALinearModel() {
        Classifier model = LinearModels.linear(W);
        AttributionInputs inputs = images(5, 4);
        EvaluationContext ctx = context(model, inputs);
        MaxSensitivity sens = new MaxSensitivity(0.05, 6, 2);
        AttributionMethod gradient = AttributionMethods.build("gradient", Map.of("output", "logit"), model);
        for (double v : sens.evaluate(ctx, gradient, gradient.attribute(model, inputs, AttributionTarget.of(0)))
                .perExample()) {
            assertEquals(0.0, v, 1e-12);
        }
        AttributionMethod gxi = exact(model);
        double moved = sens.evaluate(ctx, gxi, gxi.attribute(model, inputs, AttributionTarget.of(0))).interval().mean();
        assertTrue(moved > 0 && moved < 1, "‖w⊙δ‖/‖w⊙x‖ is small but positive: " + moved);
    }

    /** Relevance mass and rank accuracy against hand-counted masks. */
    @Test
    void groundTruthMetricsCountInsideTheMask() {
        Classifier model = LinearModels.linear(new double[] {1, 1, 1, 1});
        AttributionInputs inputs = new AttributionInputs.Images(1, 4, 1, List.of(new float[] {1, 1, 1, 1}));
        List<Attribution> maps = List.of(new PixelAttribution(1, 4, 1, new double[] {3, -5, 1, 2}, 0,
                new double[] {0.5, 0.5}, "hand", Map.of(), Map.of()));
        EvaluationContext ctx = new EvaluationContext(new ModelScores(model, 8), inputs, Removal.baseline(0),
                List.of(new boolean[] {true, true, false, false}), null);
        assertEquals(3.0 / 6.0, new RelevanceMass().evaluate(ctx, null, maps).perExample()[0], 1e-12,
                "positive relevance 3 + 1 + 2, of which 3 inside");
        assertEquals(0.5, new RankAccuracy().evaluate(ctx, null, maps).perExample()[0], 1e-12,
                "top-2 positions 0 and 3, one inside");
        EvaluationContext none = context(model, inputs);
        assertTrue(!new RelevanceMass().appliesTo(none));
        assertThrows(IllegalArgumentException.class, () -> new RankAccuracy().evaluate(none, null, maps));
    }

    /** Removing tokens replaces their ids by PAD, which the embedding masks out of the average. */
    @Test
    void tokenDeletionReplacesIdsByPad() {
        Classifier model = LinearModels.text();
        AttributionInputs inputs = AttributionInputs.ids(model, List.of(new int[] {2, 3, 4, 5}, new int[] {5, 2}));
        AttributionMethod method = AttributionMethods.build("gradient", Map.of(), model);
        List<Attribution> maps = method.attribute(model, inputs, AttributionTarget.predicted());
        EvaluationContext ctx = EvaluationContext.of(new ModelScores(model, 3), inputs,
                Removal.parse("pad", model));
        MetricScores d = new Deletion(25).evaluate(ctx, method, maps);
        assertEquals(5, d.fractions().length);
        double[] p = new ModelScores(model, 8).of(inputs, new int[] {maps.get(0).target(), maps.get(1).target()},
                Scale.PROBABILITY);
        assertEquals((p[0] + p[1]) / 2, d.meanCurve()[0], 1e-12);
        AttributionInputs kept = AttributionInputs.ids(model, List.of(new int[] {3, 4, 5}));
        AttributionInputs removed = Removal.token(0).apply(inputs, List.of(0), List.of(new boolean[] {true, false,
                false, false}));
        int[] t = {maps.get(0).target()};
        assertEquals(new ModelScores(model, 1).of(kept, t, Scale.PROBABILITY)[0],
                new ModelScores(model, 1).of(removed, t, Scale.PROBABILITY)[0], 1e-12, "a PAD token is not read");
    }

    /**
     * Blur removal replaces a pixel by its value in the Gaussian-blurred image: for an impulse at
     * the centre of a 1×5 image and σ = 1 (kernel renormalised within the image) that is
     * 1 / (1 + 2e^(−½) + 2e^(−2)); a constant image stays constant.
     */
    @Test
    void blurRemovalUsesTheBlurredImage() {
        AttributionInputs.Images impulse = new AttributionInputs.Images(1, 5, 1,
                List.of(new float[] {0, 0, 1, 0, 0}));
        AttributionInputs.Images out = (AttributionInputs.Images) Removal.blur(1).apply(impulse, List.of(0),
                List.of(new boolean[] {false, false, true, false, false}));
        assertEquals(1 / (1 + 2 * Math.exp(-0.5) + 2 * Math.exp(-2)), out.pixels().get(0)[2], 1e-6);
        assertEquals(0f, out.pixels().get(0)[1], "kept pixels keep their values");
        AttributionInputs.Images flat = new AttributionInputs.Images(3, 3, 2, List.of(new float[] {
            0.4f, 0.7f, 0.4f, 0.7f, 0.4f, 0.7f, 0.4f, 0.7f, 0.4f, 0.7f, 0.4f, 0.7f,
            0.4f, 0.7f, 0.4f, 0.7f, 0.4f, 0.7f}));
        boolean[] all = new boolean[9];
        java.util.Arrays.fill(all, true);
        float[] blurred = ((AttributionInputs.Images) Removal.blur(2).apply(flat, List.of(0), List.of(all)))
                .pixels().get(0);
        for (int i = 0; i < blurred.length; i++) {
            assertEquals(flat.pixels().get(0)[i], blurred[i], 1e-6);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Removal.parse("blur", LinearModels.text()))
                .getMessage().contains("--removal"));
        assertEquals("blur 3.0", Removal.parse("blur:3", LinearModels.linear(W)).describe());
    }

    @Test
    void badArgumentsNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Deletion(0)).getMessage()
                .contains("--step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Insertion(101)).getMessage()
                .contains("--step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Comprehensiveness(List.of(0.0)))
                .getMessage().contains("--bins"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Removal.parse("blur", LinearModels.text()))
                .getMessage().contains("--removal"));
    }

    @Test
    void intervalIsMeanPlusMinus196StandardErrors() {
        Interval i = Interval.of(new double[] {1, 2, 3, 4, Double.NaN});
        assertEquals(2.5, i.mean(), 1e-12);
        assertEquals(4, i.n());
        assertEquals(1.96 * Math.sqrt(5.0 / 3.0) / 2, i.halfWidth(), 1e-12);
    }
}
