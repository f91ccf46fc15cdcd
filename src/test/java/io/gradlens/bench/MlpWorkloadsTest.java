package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.data.ImageSplit;
import io.gradlens.train.ImageExamples;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The MLP workloads' data rules, which {@code bench/pytorch_peer.py} repeats: the epoch order is a
 * permutation of the examples and each mask blanks exactly the 4×4 swatch of its corner.
 */
class MlpWorkloadsTest {

    @Test
    void theEpochOrderVisitsEveryExampleOnce() {
        int n = 8000;
        float[][] pixels = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = new float[] {i};
        }
        ImageExamples ordered = MlpWorkloads.inEpochOrder(new ImageSplit(pixels, labels, null), 1, 1, false);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int k = (int) ordered.batch(new int[] {i}).input().value().getDouble(0);
            assertEquals((int) ((long) i * MlpWorkloads.ORDER_STRIDE % n), k);
            seen.add(k);
        }
        assertEquals(n, seen.size());
    }

    @Test
    void eachMaskBlanksTheSwatchOfItsCorner() {
        int[][] firstBlank = {{0, 0}, {0, 24}, {24, 0}, {24, 24}};
        for (int corner = 0; corner < 4; corner++) {
            float[] m = MlpWorkloads.cornerMask(corner, 28, 28);
            int zeros = 0;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean inSwatch = r >= firstBlank[corner][0] && r < firstBlank[corner][0] + 4
                            && c >= firstBlank[corner][1] && c < firstBlank[corner][1] + 4;
                    assertEquals(inSwatch ? 0f : 1f, m[r * 28 + c], "corner " + corner + " at " + r + "," + c);
                    zeros += inSwatch ? 1 : 0;
                }
            }
            assertEquals(16, zeros);
        }
    }
}
