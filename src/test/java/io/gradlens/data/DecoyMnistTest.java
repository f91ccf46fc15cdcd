package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecoyMnistTest {

    private static final int SIDE = 28;

    /** The swatch of image i: the masked pixels, which must form one 4x4 corner square. */
    private static int[] swatchCorner(float[] mask) {
        int minRow = SIDE;
        int minCol = SIDE;
        int zeros = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] == 0f) {
                zeros++;
                minRow = Math.min(minRow, p / SIDE);
                minCol = Math.min(minCol, p % SIDE);
            } else {
                assertEquals(1f, mask[p]);
            }
        }
        assertEquals(16, zeros);
        assertTrue(minRow == 0 || minRow == SIDE - 4, "row " + minRow);
        assertTrue(minCol == 0 || minCol == SIDE - 4, "col " + minCol);
        for (int r = minRow; r < minRow + 4; r++) {
            for (int c = minCol; c < minCol + 4; c++) {
                assertEquals(0f, mask[r * SIDE + c]);
            }
        }
        return new int[] {minRow, minCol};
    }

    /** The class r whose swatch value the image carries. */
    private static int swatchCode(float[] pixels, float[] mask) {
        int[] corner = swatchCorner(mask);
        float value = pixels[corner[0] * SIDE + corner[1]];
        for (int r = corner[0]; r < corner[0] + 4; r++) {
            for (int c = corner[1]; c < corner[1] + 4; c++) {
                assertEquals(value, pixels[r * SIDE + c]);
            }
        }
        for (int k = 0; k < 10; k++) {
            if (DecoyMnist.swatchValue(k) == value) {
                return k;
            }
        }
        throw new AssertionError("swatch value " + value + " codes no class");
    }

    @Test
    void trainingSwatchIsExactly255Minus25TimesTheLabel() {
        ImageDataset decoy = ShippedData.image("decoy-mnist", 7);
        ImageSplit train = decoy.train();
        assertTrue(train.hasMasks());
        for (int i = 0; i < train.size(); i++) {
            assertEquals(train.labels()[i], swatchCode(train.pixels()[i], train.relevanceMasks()[i]), "image " + i);
            int[] corner = swatchCorner(train.relevanceMasks()[i]);
            assertEquals((255 - 25 * train.labels()[i]) / 255f, train.pixels()[i][corner[0] * SIDE + corner[1]]);
        }
    }

    @Test
    void unmaskedPixelsAreTheOriginalDigit() {
        ImageDataset mnist = ShippedData.image("mnist", 0);
        ImageDataset decoy = ShippedData.image("decoy-mnist", 7);
        for (int i = 0; i < 200; i++) {
            float[] mask = decoy.test().relevanceMasks()[i];
            for (int p = 0; p < mask.length; p++) {
                if (mask[p] == 1f) {
                    assertEquals(mnist.test().pixels()[i][p], decoy.test().pixels()[i][p]);
                }
            }
        }
        assertArrayEquals(mnist.test().labels(), decoy.test().labels());
    }

    @Test
    void testSwatchCarriesNoInformationAboutTheLabel() {
        ImageSplit test = ShippedData.image("decoy-mnist", 7).test();
        int n = test.size();
        int hits = 0;
        double[] codes = new double[n];
        double[] labels = new double[n];
        int[] corners = new int[4];
        for (int i = 0; i < n; i++) {
            int code = swatchCode(test.pixels()[i], test.relevanceMasks()[i]);
            hits += code == test.labels()[i] ? 1 : 0;
            codes[i] = code;
            labels[i] = test.labels()[i];
            int[] corner = swatchCorner(test.relevanceMasks()[i]);
            corners[(corner[0] == 0 ? 0 : 2) + (corner[1] == 0 ? 0 : 1)]++;
        }
        double accuracy = hits / (double) n; // predicting y from the swatch: chance is 0.1
        assertTrue(Math.abs(accuracy - 0.1) < 0.025, "accuracy " + accuracy);
        assertTrue(Math.abs(correlation(codes, labels)) < 0.07, "correlation " + correlation(codes, labels));
        for (int count : corners) {
            assertTrue(Math.abs(count - n / 4.0) < 100, "corner counts " + Arrays.toString(corners));
        }
    }

    @Test
    void trainCorrelationIsExact() {
        ImageSplit train = ShippedData.image("decoy-mnist", 7).train();
        double[] codes = new double[train.size()];
        double[] labels = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            codes[i] = swatchCode(train.pixels()[i], train.relevanceMasks()[i]);
            labels[i] = train.labels()[i];
        }
        assertEquals(1.0, correlation(codes, labels), 1e-12);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void sameSeedSameArraysDifferentSeedDifferentArrays() {
        ImageDataset mnist = ShippedData.image("mnist", 0);
        ImageDataset a = DecoyMnist.create(mnist, 11);
        ImageDataset b = DecoyMnist.create(mnist, 11);
        ImageDataset c = DecoyMnist.create(mnist, 12);
        assertTrue(Arrays.deepEquals(a.train().pixels(), b.train().pixels()));
        assertTrue(Arrays.deepEquals(a.test().pixels(), b.test().pixels()));
        assertTrue(Arrays.deepEquals(a.test().relevanceMasks(), b.test().relevanceMasks()));
        assertFalse(Arrays.deepEquals(a.train().relevanceMasks(), c.train().relevanceMasks()));
        assertFalse(Arrays.deepEquals(a.test().pixels(), c.test().pixels()));
        assertEquals("decoy-mnist", a.name());
    }

    @Test
    void baseDatasetIsNotModified() {
        ImageDataset mnist = ShippedData.image("mnist", 0);
        float[] before = mnist.train().pixels()[0].clone();
        DecoyMnist.create(mnist, 3);
        assertArrayEquals(before, mnist.train().pixels()[0]);
    }
}
