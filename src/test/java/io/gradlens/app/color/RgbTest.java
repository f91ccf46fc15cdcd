package io.gradlens.app.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RgbTest {

  @Test
  void conversions() {
    Rgb c = new Rgb(1, 0.5, 0);
    assertEquals("#ff8000", c.toHex());
    assertEquals(0xFFFF8000, c.toArgb());
  }

  @Test
  void mixAndGrayClamp() {
    assertEquals(new Rgb(0.5, 0.5, 0.5), Rgb.WHITE.mix(new Rgb(0, 0, 0), 0.5));
    assertEquals(Rgb.WHITE, Rgb.WHITE.mix(new Rgb(0, 0, 0), Double.NaN));
    assertEquals(Rgb.gray(1), Rgb.gray(7));
    assertEquals(Rgb.gray(0), Rgb.gray(Double.NaN));
  }

  @Test
  void textContrast() {
    assertTrue(Rgb.WHITE.prefersDarkText());
    assertFalse(new Rgb(0.1, 0.1, 0.4).prefersDarkText());
  }

  @Test
  void rejectsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new Rgb(1.5, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Rgb(Double.NaN, 0, 0));
  }
}
