package io.gradlens.workflow.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurveBandTest {

    @Test
    void percentilesMatchAHandComputation() {
        // Step 0 has the five values 1..5 (shuffled), step 1 the four values 10, 20, 30, 40, step 2
        // only 7 (the shorter curves end earlier).
        List<double[]> curves = List.of(
                new double[] {3, 40, 7},
                new double[] {1, 10},
                new double[] {5, 30},
                new double[] {2, 20},
                new double[] {4});
        CurveBand band = CurveBand.of(curves, 0.1, 0.9);
        assertArrayEquals(new int[] {5, 4, 1}, band.count());
        assertArrayEquals(new double[] {3, 25, 7}, band.mean(), 1e-12);
        // n = 5, p = 0.1: h = 0.4 -> 1 + 0.4 (2 - 1) = 1.4; p = 0.9: h = 3.6 -> 4 + 0.6 (5 - 4) = 4.6
        // n = 4, p = 0.1: h = 0.3 -> 10 + 0.3 * 10 = 13;   p = 0.9: h = 2.7 -> 30 + 0.7 * 10 = 37
        // n = 1: both quantiles are the value
        assertArrayEquals(new double[] {1.4, 13, 7}, band.low(), 1e-12);
        assertArrayEquals(new double[] {4.6, 37, 7}, band.high(), 1e-12);
        assertEquals(5, band.curves());
        assertEquals(3, band.steps());
    }

    @Test
    void extremeProbabilitiesAreTheMinimumAndMaximum() {
        CurveBand band = CurveBand.of(List.of(new double[] {9}, new double[] {-2}, new double[] {4}),
                0, 1);
        assertEquals(-2, band.low()[0]);
        assertEquals(9, band.high()[0]);
        assertEquals(0.5, CurveBand.quantile(new double[] {0, 1}, 0.5), 1e-15);
    }

    @Test
    void theMeanEqualsTheCoreAverageOfCurves() {
        Random random = new Random(3);
        List<HiddenStateGradientMap> maps = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = 2 + random.nextInt(6);
            double[][] map = new double[n][n];
            for (int t = 0; t < n; t++) {
                for (int s = 0; s <= t; s++) {
                    map[t][s] = random.nextDouble();
                }
            }
            double[] curve = new double[n];
            for (int t = 0; t < n; t++) {
                curve[t] = random.nextDouble() * 5;
            }
            List<String> tokens = new ArrayList<>();
            int[] ids = new int[n];
            for (int t = 0; t < n; t++) {
                tokens.add("w" + t);
                ids[t] = t + 1;
            }
            maps.add(new HiddenStateGradientMap(tokens, ids, "lstm", "mean", new double[n], curve, map,
                    Map.of()));
            curves.add(curve);
        }
        HiddenStateCurves core = HiddenStateCurves.average(maps);
        CurveBand band = CurveBand.of(curves, 0.1, 0.9);
        assertArrayEquals(core.mean(), band.mean(), 1e-12);
        assertArrayEquals(core.count(), band.count());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> CurveBand.of(List.of(), 0.1, 0.9));
        assertThrows(IllegalArgumentException.class,
                () -> CurveBand.of(List.of(new double[] {1}), 0.9, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurveBand.of(List.of(new double[] {1, Double.NaN}), 0.1, 0.9));
        assertEquals("curve 0 has a non-finite value at step 1: NaN", e.getMessage());
    }
}
