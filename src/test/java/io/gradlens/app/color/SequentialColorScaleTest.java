package io.gradlens.app.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequentialColorScaleTest {

  @Test
  void linearEndpoints() {
    SequentialColorScale s = SequentialColorScale.linear(0, 10);
    assertEquals(Rgb.WHITE, s.color(0));
    assertEquals(SequentialColorScale.HIGH, s.color(10));
    assertEquals(0.5, s.normalize(5), 1e-12);
    assertEquals(1, s.normalize(20));
    assertEquals(0, s.normalize(-3));
  }

  @Test
  void logSpacesDecadesEvenly() {
    SequentialColorScale s = SequentialColorScale.log(1e-3, 1e1);
    assertEquals(0.25, s.normalize(1e-2), 1e-12);
    assertEquals(0.5, s.normalize(1e-1), 1e-12);
    assertEquals(0, s.normalize(0), "non-positive values clamp to the bottom");
  }

  @Test
  void fittingIgnoresNanAndNonPositiveForLog() {
    SequentialColorScale s = SequentialColorScale.fitting(
        new double[] {Double.NaN, 0, 1e-4, 1, -2}, true);
    assertTrue(s.isLog());
    assertEquals(0, s.normalize(1e-4), 1e-12);
    assertEquals(1, s.normalize(1), 1e-12);
    assertEquals(DivergingColorScale.MISSING, s.color(Double.NaN));
  }

  @Test
  void degenerateRangeIsSafe() {
    SequentialColorScale s = SequentialColorScale.fitting(new double[] {2, 2}, false);
    assertEquals(0, s.normalize(2));
    SequentialColorScale empty = SequentialColorScale.fitting(new double[] {Double.NaN}, true);
    assertEquals(0, empty.normalize(1));
  }

  @Test
  void rejectsBadRanges() {
    assertThrows(IllegalArgumentException.class, () -> SequentialColorScale.linear(2, 1));
    assertThrows(IllegalArgumentException.class, () -> SequentialColorScale.log(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> SequentialColorScale.linear(0, Double.NaN));
  }
}
