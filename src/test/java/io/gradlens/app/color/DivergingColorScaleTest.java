package io.gradlens.app.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergingColorScaleTest {

  @Test
  void zeroIsWhiteExtremesAreBlueAndRed() {
    DivergingColorScale s = DivergingColorScale.withHalfRange(2);
    assertEquals(Rgb.WHITE, s.color(0));
    assertEquals(DivergingColorScale.POSITIVE, s.color(2));
    assertEquals(DivergingColorScale.NEGATIVE, s.color(-2));
    Rgb halfRed = s.color(1);
    assertTrue(halfRed.red() > halfRed.blue(), "positive is reddish");
    Rgb halfBlue = s.color(-1);
    assertTrue(halfBlue.blue() > halfBlue.red(), "negative is bluish");
  }

  @Test
  void fittingNormalisesByMaxAbsIgnoringNan() {
    DivergingColorScale s = DivergingColorScale.fitting(new double[] {0.5, -4, Double.NaN, 1});
    assertEquals(4, s.halfRange());
    assertEquals(-1, s.normalize(-4));
    assertEquals(0.125, s.normalize(0.5), 1e-12);
  }

  @Test
  void symmetric() {
    DivergingColorScale s = DivergingColorScale.fitting(new double[] {3, -1});
    assertEquals(s.normalize(1.5), -s.normalize(-1.5), 1e-12);
  }

  @Test
  void sharedScaleClampsOutOfRange() {
    DivergingColorScale s = DivergingColorScale.withHalfRange(1);
    assertEquals(1, s.normalize(10));
    assertEquals(-1, s.normalize(Double.NEGATIVE_INFINITY));
    assertEquals(DivergingColorScale.POSITIVE, s.color(Double.POSITIVE_INFINITY));
  }

  @Test
  void nanIsSafe() {
    DivergingColorScale s = DivergingColorScale.fitting(new double[] {Double.NaN, Double.NaN});
    assertEquals(1, s.halfRange(), "all-NaN input falls back to half-range 1");
    assertTrue(Double.isNaN(s.normalize(Double.NaN)));
    assertEquals(DivergingColorScale.MISSING, s.color(Double.NaN));
  }

  @Test
  void allZeroDoesNotDivideByZero() {
    DivergingColorScale s = DivergingColorScale.fitting(new double[] {0, 0});
    assertEquals(Rgb.WHITE, s.color(0));
  }

  @Test
  void rejectsBadHalfRange() {
    assertThrows(IllegalArgumentException.class, () -> DivergingColorScale.withHalfRange(0));
    assertThrows(IllegalArgumentException.class,
        () -> DivergingColorScale.withHalfRange(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> DivergingColorScale.withHalfRange(Double.POSITIVE_INFINITY));
  }

  @Test
  void rangeTextNamesTheScoresThatSaturateTheColours() {
    // max |score| 0.042 (a negative one): the legend spans −0.042 … +0.042, three digits
    DivergingColorScale s = DivergingColorScale.fitting(new double[] {0.01, -0.042, 0.03});
    assertEquals("\u22120.0420 \u2026 +0.0420", s.rangeText());
    assertEquals("\u22121.00 \u2026 +1.00", DivergingColorScale.withHalfRange(1).rangeText());
    assertEquals("\u22121.23e+04 \u2026 +1.23e+04",
        DivergingColorScale.withHalfRange(12345).rangeText());
  }
}
