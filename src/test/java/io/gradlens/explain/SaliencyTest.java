package io.gradlens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Saliency methods against closed forms and their defining properties. */
class SaliencyTest {

    private static final double TIGHT = 1e-12;

    private static double[][] kernel(Classifier model) {
        return model.network().layer("out").parameters().get("kernel").value().toDoubleMatrix();
    }

    private static double[] embeddingRow(Classifier model, int id) {
        return ((Embedding) model.network().layer(0)).table().value().getRow(id).toDoubleVector();
    }

    private static double[] probabilities(Classifier model, int[] ids) {
        INDArray p = model.probabilities(Tensor.constant(Nd4j.createFromArray(new int[][] {ids})));
        return p.getRow(0).toDoubleVector();
    }

    @Test
    void gradientOfTheLogitOfALinearModelIsTheWeights() {
        Classifier model = TinyModels.linearText(3);
        double[][] w = kernel(model);
        List<String> texts = List.of("good movie", "the plot was awful and bad");
        for (int c = 0; c < 3; c++) {
            List<Attribution> out = new Gradient(Aggregation.SUM, ExplainedOutput.LOGIT)
                    .attributeTexts(model, texts, AttributionTarget.of(c));
            for (Attribution a : out) {
                TokenAttribution t = (TokenAttribution) a;
                double expected = 0;
                for (double[] row : w) {
                    expected += row[c];
                }
                expected /= t.tokens().size();
                for (double s : t.scores()) {
                    assertEquals(expected, s, TIGHT);
                }
                assertEquals(c, t.target());
            }
        }
    }

    @Test
    void gradientOfTheLogProbabilityAndItsAggregations() {
        Classifier model = TinyModels.linearText(4);
        double[][] w = kernel(model);
        int[] ids = AttributionInputs.texts(model, List.of("great plot")).ids().get(0);
        double[] p = probabilities(model, ids);
        int predicted = 0;
        for (int k = 1; k < p.length; k++) {
            predicted = p[k] > p[predicted] ? k : predicted;
        }
        // ∂ log p_c / ∂x_{t,e} = (W[e,c] − Σ_k p_k W[e,k]) / T
        double[] perDim = new double[w.length];
        for (int e = 0; e < w.length; e++) {
            double mix = 0;
            for (int k = 0; k < p.length; k++) {
                mix += p[k] * w[e][k];
            }
            perDim[e] = (w[e][predicted] - mix) / 2;
        }
        double sum = 0;
        double l2 = 0;
        double abs = 0;
        for (double v : perDim) {
            sum += v;
            l2 += v * v;
            abs += Math.abs(v);
        }
        double[] expected = {sum, Math.sqrt(l2), abs};
        Aggregation[] aggs = {Aggregation.SUM, Aggregation.L2, Aggregation.ABS_SUM};
        for (int i = 0; i < 3; i++) {
            TokenAttribution t = (TokenAttribution) new Gradient(aggs[i], ExplainedOutput.LOG_PROBABILITY)
                    .attributeTexts(model, List.of("great plot"), AttributionTarget.predicted()).get(0);
            assertEquals(predicted, t.target());
            assertArrayEquals(p, t.probabilities(), TIGHT);
            assertEquals(expected[i], t.scores()[0], TIGHT, aggs[i].cliName());
            assertEquals(expected[i], t.scores()[1], TIGHT, aggs[i].cliName());
        }
    }

    @Test
    void gradientTimesInputOfALinearModelIsWeightTimesInput() {
        Classifier model = TinyModels.linearText(5);
        double[][] w = kernel(model);
        TokenAttribution t = (TokenAttribution) new GradientXInput(Aggregation.SUM, ExplainedOutput.LOGIT)
                .attributeTexts(model, List.of("the movie was good"), AttributionTarget.of(2)).get(0);
        assertEquals(List.of("the", "movie", "was", "good"), t.tokens());
        int[] ids = t.tokenIds();
        assertEquals(1, ids[2], "'was' is out of vocabulary");
        for (int s = 0; s < ids.length; s++) {
            double[] x = embeddingRow(model, ids[s]);
            double expected = 0;
            for (int e = 0; e < x.length; e++) {
                expected += w[e][2] * x[e] / ids.length;
            }
            assertEquals(expected, t.scores()[s], TIGHT);
        }
    }

    @Test
    void pixelGradientOfALinearImageModelIsTheWeightColumn() {
        Classifier model = TinyModels.linearImage(6);
        double[][] w = kernel(model);
        float[] pixels = TinyModels.image(1, 12);
        PixelAttribution px = (PixelAttribution) new Gradient(Aggregation.SUM, ExplainedOutput.LOGIT)
                .attribute(model, AttributionInputs.images(model, List.of(pixels)), AttributionTarget.of(1)).get(0);
        assertEquals(4, px.height());
        assertEquals(3, px.width());
        for (int i = 0; i < 12; i++) {
            assertEquals(w[i][1], px.scores()[i], TIGHT);
        }
        PixelAttribution gx = (PixelAttribution) new GradientXInput(Aggregation.SUM, ExplainedOutput.LOGIT)
                .attribute(model, AttributionInputs.images(model, List.of(pixels)), AttributionTarget.of(1)).get(0);
        for (int i = 0; i < 12; i++) {
            assertEquals(w[i][1] * pixels[i], gx.scores()[i], TIGHT);
        }
    }

    @Test
    void integratedGradientsAreCompleteOnASmallLstm() {
        Classifier model = TinyModels.recurrentText("lstm", 7);
        List<String> texts = List.of("good movie great plot", "awful bad the plot", "a");
        for (IntegratedGradients.Rule rule : IntegratedGradients.Rule.values()) {
            IntegratedGradients ig = new IntegratedGradients(100, rule, IntegratedGradients.Baseline.zero(),
                    Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY);
            for (Attribution a : ig.attributeTexts(model, texts, AttributionTarget.predicted())) {
                double fx = a.diagnostics().get("f_input");
                double fb = a.diagnostics().get("f_baseline");
                double sum = 0;
                for (double s : a.scores()) {
                    sum += s;
                }
                assertEquals(a.diagnostics().get("attribution_sum"), sum, 1e-12);
                assertEquals(Math.abs(sum - (fx - fb)), a.diagnostics().get("completeness_gap"), 1e-15);
                assertTrue(Math.abs(fx - fb) > 1e-4, "the test needs f(x) ≠ f(x'), got " + (fx - fb));
                assertTrue(a.diagnostics().get("completeness_gap") <= 0.01 * Math.abs(fx - fb),
                        rule + ": gap " + a.diagnostics().get("completeness_gap") + " vs " + Math.abs(fx - fb));
                assertEquals(Math.log(a.probabilities()[a.target()]), fx, 1e-12);
            }
        }
    }

    @Test
    void integratedGradientsOfALinearLogitAreExactWithOneStep() {
        Classifier model = TinyModels.linearText(8);
        Attribution ig = IntegratedGradients.withSteps(1).attributeTexts(model, List.of("good plot"),
                AttributionTarget.of(0)).get(0);
        Attribution exact = new IntegratedGradients(1, IntegratedGradients.Rule.MIDPOINT,
                IntegratedGradients.Baseline.zero(), Aggregation.SUM, ExplainedOutput.LOGIT)
                .attributeTexts(model, List.of("good plot"), AttributionTarget.of(0)).get(0);
        assertTrue(exact.diagnostics().get("completeness_gap") < 1e-12);
        Attribution gx = new GradientXInput(Aggregation.SUM, ExplainedOutput.LOGIT)
                .attributeTexts(model, List.of("good plot"), AttributionTarget.of(0)).get(0);
        assertArrayEquals(gx.scores(), exact.scores(), TIGHT, "for a linear f with zero baseline IG = grad × input");
        assertTrue(ig.diagnostics().get("completeness_gap") >= 0);
    }

    @Test
    void tokenBaselineGivesZeroToTokensEqualToIt() {
        Classifier model = TinyModels.recurrentText("gru", 9);
        int movie = model.tokens().vocabulary().id("movie");
        Attribution a = new IntegratedGradients(20, IntegratedGradients.Rule.TRAPEZOID,
                IntegratedGradients.Baseline.token(movie), Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY)
                .attributeTexts(model, List.of("good movie plot"), AttributionTarget.predicted()).get(0);
        assertEquals(0.0, a.scores()[1], 0.0);
        assertNotEquals(0.0, a.scores()[0]);
    }

    @Test
    void smoothGradWithoutNoiseEqualsGradientExactly() {
        for (Classifier model : List.of(TinyModels.recurrentText("lstm", 10), TinyModels.linearText(10))) {
            List<String> texts = List.of("good movie great plot", "awful", "the bad plot");
            for (Aggregation agg : Aggregation.values()) {
                List<Attribution> g = new Gradient(agg, ExplainedOutput.LOG_PROBABILITY)
                        .attributeTexts(model, texts, AttributionTarget.predicted());
                List<Attribution> sg = new SmoothGrad(7, 0.0, true, 1, agg, ExplainedOutput.LOG_PROBABILITY)
                        .attributeTexts(model, texts, AttributionTarget.predicted());
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(g.get(i).scores(), sg.get(i).scores(), agg.cliName());
                }
            }
        }
        Classifier image = TinyModels.convImage(11);
        AttributionInputs in = AttributionInputs.images(image, List.of(TinyModels.image(2, 72), TinyModels.image(3, 72)));
        List<Attribution> g = Gradient.defaults().attribute(image, in, AttributionTarget.predicted());
        List<Attribution> sg = new SmoothGrad(3, 0.0, false, 5, Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY)
                .attribute(image, in, AttributionTarget.predicted());
        assertArrayEquals(g.get(1).scores(), sg.get(1).scores());
    }

    @Test
    void smoothGradIsSeededAndNoiseChangesIt() {
        Classifier model = TinyModels.recurrentText("simple_rnn", 12);
        List<String> texts = List.of("good movie great plot");
        double[] a = SmoothGrad.of(10, 0.2).attributeTexts(model, texts, AttributionTarget.predicted()).get(0).scores();
        double[] b = SmoothGrad.of(10, 0.2).attributeTexts(model, texts, AttributionTarget.predicted()).get(0).scores();
        double[] other = new SmoothGrad(10, 0.2, true, 99, Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY)
                .attributeTexts(model, texts, AttributionTarget.predicted()).get(0).scores();
        double[] g = Gradient.defaults().attributeTexts(model, texts, AttributionTarget.predicted()).get(0).scores();
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, other));
        assertTrue(!java.util.Arrays.equals(a, g));
    }

    @Test
    void paddingScoresZeroAndChangesNothing() {
        for (String cell : List.of("lstm", "gru")) {
            Classifier model = TinyModels.recurrentText(cell, 13);
            List<AttributionMethod> methods = List.of(Gradient.defaults(), GradientXInput.defaults(),
                    IntegratedGradients.withSteps(4), SmoothGrad.of(3, 0.1));
            for (AttributionMethod method : methods) {
                double[] alone = method.attributeTexts(model, List.of("good movie"), AttributionTarget.predicted())
                        .get(0).scores();
                // in a batch with a longer text: padded internally, dropped from the result
                List<Attribution> batch = method.attributeTexts(model, List.of("good movie", "awful the bad plot a great"),
                        AttributionTarget.predicted());
                assertEquals(2, batch.get(0).scores().length);
                assertArrayEquals(alone, batch.get(0).scores(), 1e-12, cell + " " + method.name());
                // nor does its place in the batch
                List<Attribution> second = method.attributeTexts(model, List.of("awful plot", "good movie"),
                        AttributionTarget.predicted());
                assertArrayEquals(alone, second.get(1).scores(), 1e-12, cell + " " + method.name());
                // explicit PAD ids at the end: they score exactly 0, the tokens are unchanged
                int[] ids = AttributionInputs.texts(model, List.of("good movie")).ids().get(0);
                int[] padded = {ids[0], ids[1], 0, 0, 0};
                Attribution withPads = method.attribute(model, AttributionInputs.ids(model, List.of(padded)),
                        AttributionTarget.predicted()).get(0);
                double[] s = withPads.scores();
                assertEquals(0.0, s[2], 0.0);
                assertEquals(0.0, s[3], 0.0);
                assertEquals(0.0, s[4], 0.0);
                assertArrayEquals(alone, java.util.Arrays.copyOf(s, 2), 1e-12, cell + " " + method.name());
                assertEquals("<pad>", ((TokenAttribution) withPads).tokens().get(2));
            }
        }
    }

    @Test
    void aBatchGivesEachExampleItsOwnAttribution() {
        Classifier model = TinyModels.recurrentText("lstm", 14);
        List<String> texts = List.of("good movie", "bad plot awful", "the");
        List<Attribution> batch = Gradient.defaults().attributeTexts(model, texts, AttributionTarget.of(1));
        for (int i = 0; i < texts.size(); i++) {
            Attribution one = Gradient.defaults().attributeTexts(model, List.of(texts.get(i)), AttributionTarget.of(1))
                    .get(0);
            assertArrayEquals(one.scores(), batch.get(i).scores(), 1e-12);
            assertEquals(1, batch.get(i).target());
        }
    }

    @Test
    void badInputsFailAtTheDoorWithAMessage() {
        Classifier text = TinyModels.linearText(15);
        Classifier image = TinyModels.linearImage(15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gradient.defaults().attributeTexts(image, List.of("good"), AttributionTarget.predicted()));
        assertTrue(e.getMessage().contains("not text"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gradient.defaults().attributeTexts(text, List.of("   "), AttributionTarget.predicted()));
        assertTrue(e.getMessage().contains("no tokens"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gradient.defaults().attributeTexts(text, List.of("good"), AttributionTarget.of(3)));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gradient.defaults().attribute(image,
                AttributionInputs.images(image, List.of(new float[5])), AttributionTarget.predicted()));
        assertTrue(e.getMessage().contains("4x3x1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributionInputs.ids(text, List.of(new int[] {3, 99})));
    }

    @Test
    void recordsAreImmutable() {
        Classifier model = TinyModels.linearText(16);
        TokenAttribution t = (TokenAttribution) Gradient.defaults().attributeTexts(model, List.of("good plot"),
                AttributionTarget.predicted()).get(0);
        double before = t.scores()[0];
        t.scores()[0] = 42;
        t.tokenIds()[0] = 42;
        assertEquals(before, t.scores()[0], 0.0);
        assertNotEquals(42, t.tokenIds()[0]);
        assertThrows(UnsupportedOperationException.class, () -> t.parameters().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> t.tokens().set(0, "x"));
        assertEquals("sum", t.parameters().get("aggregate"));
        ForwardContext.inference();
    }
}
