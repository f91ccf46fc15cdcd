package io.gradlens.app.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalizationTest {

  @Test
  void maxAbsSkipsNonFinite() {
    assertEquals(3, Normalization.maxAbs(new double[] {1, -3, Double.NaN,
        Double.POSITIVE_INFINITY}));
    assertEquals(0, Normalization.maxAbs(new double[0]));
    assertEquals(5, Normalization.maxAbs(new double[][] {{1, 2}, {-5, Double.NaN}}));
  }

  @Test
  void finiteRange() {
    assertArrayEquals(new double[] {-2, 4}, Normalization.finiteRange(
        new double[] {Double.NaN, 4, -2}));
    assertArrayEquals(new double[] {0, 0}, Normalization.finiteRange(new double[] {Double.NaN}));
  }
}
