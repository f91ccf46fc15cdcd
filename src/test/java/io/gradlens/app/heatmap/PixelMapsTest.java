package io.gradlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.color.Rgb;
import org.junit.jupiter.api.Test;

class PixelMapsTest {

  private final double[][] image = {{0, 1}, {0.5, 0}};
  private final double[][] scores = {{1, -1}, {0, Double.NaN}};
  private final DivergingColorScale scale = DivergingColorScale.withHalfRange(1);

  @Test
  void nearestNeighbourUpscaling() {
    int[] px = PixelMaps.grayscale(image, 3);
    assertEquals(6 * 6, px.length);
    int black = Rgb.gray(0).toArgb();
    int white = Rgb.gray(1).toArgb();
    // top-left 3x3 block black, top-right 3x3 block white
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 3; x++) {
        assertEquals(black, px[y * 6 + x]);
        assertEquals(white, px[y * 6 + 3 + x]);
      }
    }
  }

  @Test
  void heatmapAndOverlayColours() {
    int[] heat = PixelMaps.heatmap(scores, scale, 1);
    assertEquals(DivergingColorScale.POSITIVE.toArgb(), heat[0]);
    assertEquals(DivergingColorScale.NEGATIVE.toArgb(), heat[1]);
    assertEquals(DivergingColorScale.MISSING.toArgb(), heat[3]);
    int[] over = PixelMaps.overlay(image, scores, scale, 0.5, 1);
    assertEquals(Rgb.gray(0.5).toArgb(), over[2], "zero score shows the original pixel");
    assertEquals(Rgb.gray(0).toArgb(), over[3], "NaN score shows the original pixel");
    assertEquals(Rgb.gray(0).mix(DivergingColorScale.POSITIVE, 0.5).toArgb(), over[0]);
  }

  @Test
  void rejectsBadShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> PixelMaps.overlay(image, new double[][] {{1}}, scale, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> PixelMaps.grayscale(new double[][] {{1, 2}, {3}}, 1));
    assertThrows(IllegalArgumentException.class, () -> PixelMaps.grayscale(image, 0));
  }

  @Test
  void hatchStripesOnlyTheMarkedPixelsCells() {
    int[] px = PixelMaps.grayscale(image, 4);
    int[] before = px.clone();
    PixelMaps.hatch(px, 2, 4, new boolean[] {false, true, false, false});
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        boolean inMarked = y < 4 && x >= 4;
        int expected = inMarked && (x + y) % 4 < 2 ? PixelMaps.HATCH_ARGB : before[y * 8 + x];
        assertEquals(expected, px[y * 8 + x], "x=" + x + " y=" + y);
      }
    }
  }

  @Test
  void brushCoversADiscClippedToTheImage() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 1, 5},
        PixelMaps.brush(0, 0, 1, 5, 5));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {7, 11, 12, 13, 17},
        PixelMaps.brush(2, 2, 1, 5, 5));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {12}, PixelMaps.brush(2, 2, 0, 5, 5));
  }
}
