package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PriceGeneratorTest {

    @Test
    void committedFileIsWhatTheGeneratorWrites() throws IOException {
        String committed = Files.readString(ShippedData.DIR.resolve("price.csv"));
        assertEquals(PriceGenerator.csv(PriceGenerator.ROWS, PriceGenerator.SEED), committed);
        assertNotEquals(committed, PriceGenerator.csv(PriceGenerator.ROWS, PriceGenerator.SEED + 1));
    }

    @Test
    void hIsTheDocumentedFormula() {
        assertEquals(0.0, PriceGenerator.h(100, 0, 5, 0.5), 1e-15);
        assertEquals(0.2 * Math.tanh(1) - 0.15 * 0.25 + 0.05 - 0.05 * Math.log(2), PriceGenerator.h(150, 50, 10, 1), 1e-15);
    }

    @Test
    void pricesAreReferenceTimesOnePlusHWithOnePercentNoise() {
        TabularDataset price = (TabularDataset) ShippedData.load("price", 0);
        double sumSquares = 0;
        int n = 0;
        for (TabularSplit split : java.util.List.of(price.train(), price.test())) {
            for (int i = 0; i < split.size(); i++) {
                double[] x = split.inputs()[i];
                double expected = (PriceGenerator.h(x[1], x[2], x[3], x[4]) + 1) * x[0];
                double relative = (split.targets()[i] - expected) / x[0];
                sumSquares += relative * relative;
                n++;
                assertTrue(Math.abs(relative) < 0.06, "row " + i + ": " + relative);
            }
        }
        double rms = Math.sqrt(sumSquares / n);
        assertTrue(rms > 0.008 && rms < 0.012, "noise rms " + rms);
    }
}
