package io.gradlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reverse sweep of {@link RecurrentChainSweep} against the straightforward map: one tape and one
 * vector-Jacobian product per row t, in float64, for every cell, both LSTM gates, stacked layers and
 * any number of rows per sweep.
 */
class HiddenStateSweepTest {

    private static final int[] IDS = {3, 7, 1, 9, 4, 4, 8, 2, 6, 5, 11};

    /** G[t][s] = ‖∂r(h_t)/∂x_s‖ by one tape per row, the definition written out. */
    private static double[][] perRowMap(Sequential net, String layer, HiddenReduction reduction) {
        INDArray x = net.forward(Embedding.ids(new int[][] {IDS}), ForwardContext.inference(), 0, 1).value();
        int steps = IDS.length;
        double[][] map = new double[steps][];
        for (int t = 0; t < steps; t++) {
            Tensor input = Tensor.constant(x.dup());
            try (GradientTape tape = GradientTape.open(false, false)) {
                tape.watch(input);
                ForwardContext ctx = ForwardContext.inference();
                net.forward(input, ctx, 1, net.indexOf(layer) + 1);
                Tensor h = ctx.states(layer + "/h").get(t);
                double[] seed = reduction.seed(h.value().toDoubleVector());
                Tensor target = Ops.sum(Ops.mul(h, Tensor.of(seed, 1, seed.length)), false);
                INDArray g = tape.gradient(target, input).value();
                map[t] = g.norm2(2).toDoubleVector();
            }
        }
        return map;
    }

    private static HiddenStateGradientMap swept(Sequential net, String layer, HiddenReduction r, int rows) {
        return new HiddenStateGradients(layer, r, rows, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                .attribute(net, IDS, null, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static void assertSweepEqualsPerRow(Sequential net, String layer, HiddenReduction r, String what) {
        double[][] expected = perRowMap(net, layer, r);
        for (int rows : new int[] {0, 1, 4}) {
            HiddenStateGradientMap m = swept(net, layer, r, rows);
            assertEquals("reverse sweep", m.parameters().get("method"), what);
            for (int t = 0; t < IDS.length; t++) {
                for (int s = 0; s < IDS.length; s++) {
                    assertEquals(expected[t][s], m.at(t, s), 1e-12 + 1e-9 * expected[t][s],
                            what + ", rows per pass " + rows + ", G[" + t + "][" + s + "]");
                }
            }
        }
    }

    private static Sequential oneLayerIn(DataType dtype, long seed) {
        return Sequential.builder(new long[] {-1}, dtype, seed)
                .add("embedding", "embedding", Map.of("input_dim", 12, "output_dim", 5))
                .add("simple_rnn", "rnn", Map.of("units", 6, "return_sequences", true))
                .build();
    }

    private static Sequential oneLayer(String cell, Map<String, Object> config, long seed) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.put("units", 6);
        c.put("return_sequences", true);
        return Sequential.builder(new long[] {-1}, DataType.DOUBLE, seed)
                .add("embedding", "embedding", Map.of("input_dim", 12, "output_dim", 5))
                .add(cell, "rnn", c)
                .add("dense", "out", Map.of("units", 2))
                .build();
    }

    @Test
    void lstmWithTheHandDerivedAdjointEqualsOneTapePerRow() {
        assertSweepEqualsPerRow(oneLayer("lstm", Map.of(), 31), "rnn", HiddenReduction.mean(), "lstm sigmoid");
        assertSweepEqualsPerRow(oneLayer("lstm", Map.of("recurrent_activation", "hard_sigmoid"), 32), "rnn",
                HiddenReduction.norm(), "lstm hard sigmoid");
    }

    @Test
    void cellsLinearisedByTheTapeEqualOneTapePerRow() {
        assertSweepEqualsPerRow(oneLayer("gru", Map.of(), 33), "rnn", HiddenReduction.mean(), "gru reset_after");
        assertSweepEqualsPerRow(oneLayer("gru", Map.of("reset_after", false), 34), "rnn", HiddenReduction.unit(2),
                "gru");
        assertSweepEqualsPerRow(oneLayer("simple_rnn", Map.of("activation", "relu"), 35), "rnn",
                HiddenReduction.mean(), "simple_rnn relu");
        assertSweepEqualsPerRow(oneLayer("lstm", Map.of("activation", "relu"), 36), "rnn", HiddenReduction.mean(),
                "lstm relu (generic gates)");
    }

    @Test
    void aStackWithDropoutIsSweptThroughEveryLayer() {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 37)
                .add("embedding", "embedding", Map.of("input_dim", 12, "output_dim", 5))
                .add("lstm", "lower", Map.of("units", 4, "return_sequences", true))
                .add("dropout", "drop", Map.of("rate", 0.5))
                .add("gru", "middle", Map.of("units", 3, "return_sequences", true))
                .add("lstm", "upper", Map.of("units", 5))
                .add("dense", "out", Map.of("units", 2))
                .build();
        assertSweepEqualsPerRow(net, "upper", HiddenReduction.mean(), "lstm-dropout-gru-lstm stack");
        assertSweepEqualsPerRow(net, "middle", HiddenReduction.norm(), "lstm-dropout-gru, middle layer");
    }

    @Test
    void vanishingGradientsKeepTheirDigitsInFloat32() {
        // a strongly contracting recurrence: each step shrinks the cotangent about 10⁴-fold, so
        // ∂r(h_10)/∂x_0 falls far below float32's smallest normal number (1.2e-38)
        Sequential f32 = oneLayerIn(DataType.FLOAT, 40);
        Sequential f64 = oneLayerIn(DataType.DOUBLE, 40);
        for (Sequential net : List.of(f32, f64)) {
            Tensor u = net.layer(1).parameters().get("recurrent_kernel");
            u.assign(u.value().mul(2e-5));
        }
        HiddenStateGradientMap single = swept(f32, "rnn", HiddenReduction.mean(), 0);
        double[][] exact = perRowMap(f64, "rnn", HiddenReduction.mean());
        int t = IDS.length - 1;
        assertTrue(exact[t][0] < 1e-40, "the test needs entries below the float32 range, got " + exact[t][0]);
        for (int s = 0; s <= t; s++) {
            assertEquals(exact[t][s], single.at(t, s), 1e-4 * exact[t][s], "G[" + t + "][" + s + "] in float32");
        }
    }

    @Test
    void theBudgetSetsTheRowsPerSweepWithoutChangingTheMap() {
        Sequential net = oneLayer("lstm", Map.of(), 39);
        HiddenStateGradientMap one = swept(net, "rnn", HiddenReduction.mean(), 0);
        HiddenStateGradientMap tight = new HiddenStateGradients("rnn", HiddenReduction.mean(), 0, 5_000)
                .attribute(net, IDS, null, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(1, one.parameters().get("passes"));
        // 6 units, 5 inputs, float64: (12·24 + 24 + 5)·8 = 2,536 bytes a row, so 1 row per sweep
        assertEquals(IDS.length, tight.parameters().get("passes"));
        for (int t = 0; t < IDS.length; t++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(one.map()[t], tight.map()[t], 1e-13);
        }
        List<String> messages = new java.util.ArrayList<>();
        new HiddenStateGradients("rnn", HiddenReduction.mean(), 4, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                .attribute(net, IDS, null, (done, total, msg) -> messages.add(done + "/" + total), CancellationToken.NONE);
        assertEquals(List.of("4/11", "8/11", "11/11"), messages);
    }
}
