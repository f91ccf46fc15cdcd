package io.gradlens.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExponentialSmootherTest {

  @Test
  void biasCorrectedFirstValueIsExact() {
    ExponentialSmoother s = new ExponentialSmoother(0.9);
    assertTrue(Double.isNaN(s.current()));
    assertEquals(5, s.add(5), 1e-12);
    assertEquals(5, s.add(5), 1e-12, "constant input stays constant");
  }

  @Test
  void smoothsTowardsNewValues() {
    ExponentialSmoother s = new ExponentialSmoother(0.5);
    s.add(0);
    double v = s.add(1);
    assertTrue(v > 0 && v < 1);
    assertEquals(v, s.add(Double.NaN), "NaN is skipped");
    s.reset();
    assertTrue(Double.isNaN(s.current()));
  }

  @Test
  void zeroWeightIsIdentity() {
    ExponentialSmoother s = new ExponentialSmoother(0);
    s.add(3);
    assertEquals(7, s.add(7), 1e-12);
  }

  @Test
  void rejectsBadWeight() {
    assertThrows(IllegalArgumentException.class, () -> new ExponentialSmoother(1));
  }
}
