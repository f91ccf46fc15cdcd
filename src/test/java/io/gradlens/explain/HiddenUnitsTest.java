package io.gradlens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-unit curves against the one-reduction map of each unit computed on its own, the rankings
 * against direct computations, for the reverse sweep and the replicated tape.
 */
class HiddenUnitsTest {

    private static final int[] IDS = {2, 5, 3, 9, 4, 7, 6, 8, 1};

    private static Sequential lstm() {
        return Sequential.builder(new long[] {-1}, DataType.DOUBLE, 41)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 3))
                .add("lstm", "lstm", Map.of("units", 6, "return_sequences", true))
                .add("dense", "out", Map.of("units", 2))
                .build();
    }

    private static Sequential convGru() {
        return Sequential.builder(new long[] {-1}, DataType.DOUBLE, 28)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 3))
                .add("conv1d", "conv", Map.of("filters", 3, "kernel_size", 3, "padding", "same"))
                .add("gru", "rnn", Map.of("units", 5))
                .add("dense", "out", Map.of("units", 2))
                .build();
    }

    private static HiddenUnitCurves units(Sequential net, HiddenUnitSelection selection, int rowsPerPass) {
        return new HiddenUnits(null, rowsPerPass, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                .attribute(net, IDS, null, selection, ProgressListener.NONE, CancellationToken.NONE);
    }

    /** Unit k's map on its own: HiddenStateGradients with the reduction unit:k. */
    private static HiddenStateGradientMap alone(Sequential net, int unit) {
        return new HiddenStateGradients(null, HiddenReduction.unit(unit), 0, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                .attribute(net, IDS, null, ProgressListener.NONE, CancellationToken.NONE);
    }

    /** h_t [T][H] of the first recurrent layer by a plain forward pass. */
    private static double[][] states(Sequential net, String layer) {
        INDArray x = net.forward(Embedding.ids(new int[][] {IDS}), ForwardContext.inference(), 0, 1).value();
        ForwardContext ctx = ForwardContext.inference();
        net.forward(Tensor.constant(x), ctx, 1, net.indexOf(layer) + 1);
        return ctx.states(layer + "/h").stream().map(h -> h.value().toDoubleVector()).toArray(double[][]::new);
    }

    private static void assertEachUnitEqualsItsOwnMap(Sequential net, int[] chosen) {
        for (int rows : new int[] {0, 1, 4}) {
            HiddenUnitCurves c = units(net, HiddenUnitSelection.of(chosen), rows);
            assertArrayEquals(chosen, c.units());
            for (int i = 0; i < chosen.length; i++) {
                HiddenStateGradientMap m = alone(net, chosen[i]);
                assertArrayEquals(m.curve(), c.curve(i), 1e-12, "curve of unit " + chosen[i] + ", rows " + rows);
                assertArrayEquals(m.hidden(), c.hidden(i), 0.0, "h_t of unit " + chosen[i]);
                assertTrue(c.curve(i)[IDS.length - 1] > 0);
            }
            HiddenUnits.Result both = new HiddenUnits(null, rows, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                    .withMap(net, IDS, null, HiddenUnitSelection.of(chosen), ProgressListener.NONE,
                            CancellationToken.NONE);
            HiddenStateGradientMap first = alone(net, chosen[0]);
            assertEquals(first.reduction(), both.firstMap().reduction());
            for (int t = 0; t < IDS.length; t++) {
                assertArrayEquals(first.map()[t], both.firstMap().map()[t], 1e-12, "row " + t + ", rows " + rows);
            }
            assertArrayEquals(first.hidden(), both.firstMap().hidden(), 0.0);
        }
    }

    @Test
    void eachUnitsCurveIsItsOwnMapsCurveInTheSweep() {
        assertEachUnitEqualsItsOwnMap(lstm(), new int[] {4, 0, 2});
    }

    @Test
    void eachUnitsCurveIsItsOwnMapsCurveOnTheReplicatedTape() {
        assertEachUnitEqualsItsOwnMap(convGru(), new int[] {1, 3});
    }

    @Test
    void topUnitsByActivationOnAFixedTensor() {
        double[][] h = {
            {0.5, -0.9, 0.1, 0.0},
            {-0.5, 0.1, 0.2, 0.3},
            {0.5, 0.2, -0.3, 0.3},
        };
        // mean |h| per unit: 0.5, 0.4, 0.2, 0.2
        assertArrayEquals(new double[] {0.5, 0.4, 0.2, 0.2}, HiddenUnits.activationScores(h), 1e-15);
        assertArrayEquals(new int[] {0, 1, 2}, HiddenUnits.top(HiddenUnits.activationScores(h), 3),
                "ties go to the lower index");
        assertArrayEquals(new int[] {3, 1}, HiddenUnits.top(new double[] {0.1, 0.7, -2, 0.9}, 2));
    }

    @Test
    void rankingByActivationPicksTheUnitsOfLargestMeanAbsoluteState() {
        Sequential net = lstm();
        double[][] h = states(net, "lstm");
        double[] mean = new double[6];
        for (double[] step : h) {
            for (int u = 0; u < 6; u++) {
                mean[u] += Math.abs(step[u]) / h.length;
            }
        }
        HiddenUnitCurves c = units(net, HiddenUnitSelection.top(3, HiddenUnitSelection.Ranking.ACTIVATION), 0);
        assertArrayEquals(mean, c.scores(), 1e-12);
        int[] units = c.units();
        for (int i = 0; i + 1 < units.length; i++) {
            assertTrue(mean[units[i]] >= mean[units[i + 1]]);
        }
        for (int u = 0; u < 6; u++) {
            int unit = u;
            if (java.util.Arrays.stream(units).noneMatch(k -> k == unit)) {
                assertTrue(mean[u] <= mean[units[2]], "unit " + u + " left out with a larger score");
            }
        }
        assertEquals(HiddenUnitSelection.Ranking.ACTIVATION, c.rankBy());
    }

    @Test
    void rankingByGradientScoresEachUnitByItsLastRow() {
        for (Sequential net : List.of(lstm(), convGru())) {
            HiddenUnitCurves c = units(net, HiddenUnitSelection.top(2, HiddenUnitSelection.Ranking.GRADIENT), 0);
            double[] scores = c.scores();
            for (int u = 0; u < scores.length; u++) {
                double expected = alone(net, u).curve()[IDS.length - 1];
                assertEquals(expected, scores[u], 1e-12 * Math.max(1, expected), "unit " + u);
            }
            assertArrayEquals(HiddenUnits.top(scores, 2), c.units());
            assertArrayEquals(alone(net, c.units()[0]).curve(), c.curve(0), 1e-12);
        }
    }

    @Test
    void badSelectionsAreRefusedWithTheirReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> units(lstm(), HiddenUnitSelection.of(2, 6), 0));
        assertTrue(e.getMessage().contains("unit 6 does not exist") && e.getMessage().contains("6 units"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> units(lstm(), HiddenUnitSelection.top(7, HiddenUnitSelection.Ranking.GRADIENT), 0));
        assertTrue(e.getMessage().contains("has 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HiddenUnitSelection.parse("3, x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HiddenUnitSelection.parse("3,3"));
        assertThrows(IllegalArgumentException.class, () -> HiddenUnitSelection.Ranking.parse("size"));
        assertEquals(List.of(3, 17, 42), HiddenUnitSelection.parse("3, 17,42").units());
    }
}
