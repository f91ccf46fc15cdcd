package io.gradlens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hidden-state maps against finite differences, causality, and chunking. */
class HiddenStateGradientsTest {

    private static final int[] IDS = {2, 5, 3, 9, 4, 7, 6, 8};

    private static HiddenStateGradientMap map(Sequential net, String layer, HiddenReduction r, int rows) {
        return new HiddenStateGradients(layer, r, rows, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                .attribute(net, IDS, null, ProgressListener.NONE, CancellationToken.NONE);
    }

    /** r(h_t) of the named layer, from the embedding output x [1, T, E]. */
    private static double reduced(Sequential net, String layer, INDArray x, int t, HiddenReduction r) {
        ForwardContext ctx = ForwardContext.inference();
        net.forward(Tensor.constant(x), ctx, 1, net.indexOf(layer) + 1);
        return r.apply(ctx.states(layer + "/h").get(t).value().toDoubleVector());
    }

    /** ‖∂r(h_t)/∂x_s‖ by central differences. */
    private static double numeric(Sequential net, String layer, int t, int s, HiddenReduction r) {
        INDArray x = net.forward(Embedding.ids(new int[][] {IDS}), ForwardContext.inference(), 0, 1).value().dup();
        double eps = 1e-6;
        double sq = 0;
        for (int e = 0; e < x.size(2); e++) {
            double orig = x.getDouble(0, s, e);
            x.putScalar(new long[] {0, s, e}, orig + eps);
            double plus = reduced(net, layer, x, t, r);
            x.putScalar(new long[] {0, s, e}, orig - eps);
            double minus = reduced(net, layer, x, t, r);
            x.putScalar(new long[] {0, s, e}, orig);
            double d = (plus - minus) / (2 * eps);
            sq += d * d;
        }
        return Math.sqrt(sq);
    }

    private static void assertMatchesFiniteDifferences(Sequential net, String layer, HiddenReduction r) {
        HiddenStateGradientMap m = map(net, layer, r, 0);
        int[][] entries = {{0, 0}, {3, 1}, {7, 0}, {7, 7}};
        for (int[] ts : entries) {
            double expected = numeric(net, layer, ts[0], ts[1], r);
            assertEquals(expected, m.at(ts[0], ts[1]), 1e-7 + 1e-6 * expected,
                    layer + " " + r + " G[" + ts[0] + "][" + ts[1] + "]");
        }
    }

    private static void assertCausalAndChunkFree(Sequential net, String layer) {
        HiddenStateGradientMap one = map(net, layer, HiddenReduction.mean(), 1);
        for (int rows : new int[] {0, 3}) {
            HiddenStateGradientMap chunked = map(net, layer, HiddenReduction.mean(), rows);
            for (int t = 0; t < IDS.length; t++) {
                assertArrayEquals(one.map()[t], chunked.map()[t], 1e-12, "rows per pass " + rows + ", row " + t);
                for (int s = t + 1; s < IDS.length; s++) {
                    assertEquals(0.0, chunked.at(t, s), 0.0, "causality at [" + t + "][" + s + "]");
                }
                assertTrue(chunked.at(t, t) > 0);
            }
            assertArrayEquals(one.curve(), chunked.curve(), 1e-12);
        }
        // the curve is the norm of each row, the hidden values are r(h_t)
        for (int t = 0; t < IDS.length; t++) {
            double sq = 0;
            for (double v : one.map()[t]) {
                sq += v * v;
            }
            assertEquals(Math.sqrt(sq), one.curve()[t], 1e-15);
        }
        INDArray x = net.forward(Embedding.ids(new int[][] {IDS}), ForwardContext.inference(), 0, 1).value();
        assertEquals(reduced(net, layer, x, 4, HiddenReduction.mean()), one.hidden()[4], 1e-15);
    }

    @Test
    void everyCellMatchesFiniteDifferencesAndIsCausal() {
        for (String cell : List.of("simple_rnn", "lstm", "gru")) {
            Sequential net = TinyModels.recurrentText(cell, 21).network();
            assertMatchesFiniteDifferences(net, "rnn", HiddenReduction.mean());
            assertCausalAndChunkFree(net, "rnn");
        }
    }

    @Test
    void normAndUnitReductionsMatchFiniteDifferences() {
        Sequential net = TinyModels.recurrentText("lstm", 22).network();
        assertMatchesFiniteDifferences(net, "rnn", HiddenReduction.norm());
        assertMatchesFiniteDifferences(net, "rnn", HiddenReduction.unit(3));
    }

    @Test
    void aSecondStackedLayerIsMappedThroughTheFirst() {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 23)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 3))
                .add("lstm", "lower", Map.of("units", 4, "return_sequences", true))
                .add("gru", "upper", Map.of("units", 3))
                .add("dense", "out", Map.of("units", 2))
                .build();
        assertMatchesFiniteDifferences(net, "upper", HiddenReduction.mean());
        assertCausalAndChunkFree(net, "upper");
    }

    @Test
    void aConvolutionBeforeTheRecurrentLayerLooksAheadAndIsStillExact() {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 28)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 3))
                .add("conv1d", "conv", Map.of("filters", 3, "kernel_size", 3, "padding", "same"))
                .add("gru", "rnn", Map.of("units", 3))
                .build();
        HiddenStateGradientMap one = map(net, "rnn", HiddenReduction.mean(), 1);
        HiddenStateGradientMap auto = map(net, "rnn", HiddenReduction.mean(), 0);
        // a convolution is not a step of the recurrence: the sweep does not apply, chunks do
        assertEquals("replicated tape", auto.parameters().get("method"));
        for (int t = 0; t < IDS.length; t++) {
            assertArrayEquals(one.map()[t], auto.map()[t], 1e-12);
        }
        // 'same' padding lets h_t see x_{t+1}: the map is not causal here, and says so
        assertTrue(one.at(2, 3) > 0);
        assertEquals(numeric(net, "rnn", 2, 3, HiddenReduction.mean()), one.at(2, 3), 1e-8);
        assertEquals(0.0, one.at(2, 4), 0.0);
    }

    @Test
    void progressIsReportedAndCancellationStopsBetweenChunks() {
        Sequential net = TinyModels.recurrentText("gru", 24).network();
        List<long[]> calls = new ArrayList<>();
        new HiddenStateGradients(null, HiddenReduction.mean(), 3, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                .attribute(net, IDS, null, (done, total, msg) -> calls.add(new long[] {done, total}),
                        CancellationToken.NONE);
        assertEquals(3, calls.size(), "8 rows in chunks of 3");
        assertArrayEquals(new long[] {3, 8}, calls.get(0));
        assertArrayEquals(new long[] {8, 8}, calls.get(2));

        CancellationToken cancel = new CancellationToken();
        List<Long> seen = new ArrayList<>();
        assertThrows(CancellationToken.CancelledException.class, () ->
                new HiddenStateGradients(null, HiddenReduction.mean(), 2, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                        .attribute(net, IDS, null, (done, total, msg) -> {
                            seen.add(done);
                            cancel.cancel();
                        }, cancel));
        assertEquals(List.of(2L), seen, "stops before the second chunk");
    }

    @Test
    void automaticChunksRespectTheBudget() {
        Sequential net = TinyModels.recurrentText("lstm", 25).network();
        // a budget of a few row-steps forces many small passes; the result does not change
        HiddenStateGradientMap small = new HiddenStateGradients(null, HiddenReduction.mean(), 0, 2_000)
                .attribute(net, IDS, null, ProgressListener.NONE, CancellationToken.NONE);
        HiddenStateGradientMap big = map(net, null, HiddenReduction.mean(), 0);
        assertTrue((int) small.parameters().get("passes") > (int) big.parameters().get("passes"));
        assertEquals(1, big.parameters().get("passes"));
        for (int t = 0; t < IDS.length; t++) {
            assertArrayEquals(big.map()[t], small.map()[t], 1e-12);
        }
    }

    @Test
    void badRequestsAreRefusedWithAMessage() {
        Classifier linear = TinyModels.linearText(26);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HiddenStateGradients.defaults()
                .attribute(linear, "good movie", ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("no recurrent layer"), e.getMessage());
        Classifier rnn = TinyModels.recurrentText("lstm", 26);
        e = assertThrows(IllegalArgumentException.class, () -> new HiddenStateGradients("nope", HiddenReduction.mean(),
                0, 1000).attribute(rnn, "good movie", ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("no layer named 'nope'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HiddenStateGradients("out", HiddenReduction.mean(),
                0, 1000).attribute(rnn, "good movie", ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("not recurrent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HiddenStateGradients(null, HiddenReduction.unit(5),
                0, 1000).attribute(rnn, "good movie", ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("5 units"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HiddenReduction.parse("unit:x"));
        assertEquals(HiddenReduction.unit(4), HiddenReduction.parse("unit:4"));
        Classifier image = new Classifier(TinyModels.linearImage(1).network(), new InputSpec.Image(4, 3, 1),
                List.of("a", "b", "c"), Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> HiddenStateGradients.defaults()
                .attribute(image.network(), IDS, null, ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("token ids"), e.getMessage());
    }

    @Test
    void theBenchmarkWorkloadAndDatasetCurves() {
        HiddenMapWorkload w = HiddenMapWorkload.create(12, 6, 5, 50, 1);
        HiddenStateGradientMap m = w.run(ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(12, m.steps());
        for (int t = 0; t < 12; t++) {
            for (int s = t + 1; s < 12; s++) {
                assertEquals(0.0, m.at(t, s), 0.0);
            }
        }
        Sequential net = TinyModels.recurrentText("lstm", 27).network();
        HiddenStateGradients method = HiddenStateGradients.defaults();
        HiddenStateGradientMap a = method.attribute(net, new int[] {2, 3, 4}, null, ProgressListener.NONE,
                CancellationToken.NONE);
        HiddenStateGradientMap b = method.attribute(net, new int[] {5, 6}, null, ProgressListener.NONE,
                CancellationToken.NONE);
        HiddenStateCurves curves = HiddenStateCurves.average(List.of(a, b));
        assertArrayEquals(new int[] {2, 2, 1}, curves.count());
        assertEquals((a.curve()[0] + b.curve()[0]) / 2, curves.mean()[0], 1e-15);
        assertEquals(Math.abs(a.curve()[1] - b.curve()[1]) / 2, curves.std()[1], 1e-12);
        assertEquals(a.curve()[2], curves.mean()[2], 1e-15);
        assertEquals(0.0, curves.std()[2], 1e-12);
    }
}
