package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.app.color.SequentialColorScale;
import org.junit.jupiter.api.Test;

class MapPyramidTest {

  @Test
  void poolingKeepsTheLargestValueOfEachBlockIncludingAnOddEdge() {
    double[][] m = {
        {1, 2, 3},
        {4, 0, 6},
        {7, 8, Double.NaN}};
    double[][] pooled = MapPyramid.maxPool(m);
    assertArrayEquals(new double[] {4, 6}, pooled[0]);
    assertArrayEquals(new double[] {8, Double.NaN}, pooled[1]);
  }

  @Test
  void levelsHalveUntilSmallAndTheZoomPicksPixelsOfAboutOneScreenPixel() {
    int n = 300;
    double[][] m = new double[n][n];
    m[123][45] = 1; // one strong cell in a field of tiny values
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < n; s++) {
        m[t][s] += 1e-6;
      }
    }
    MapPyramid p = MapPyramid.of(m, SequentialColorScale.log(1e-6, 1));
    assertEquals(4, p.levelCount()); // 300, 150, 75, 38
    assertEquals(38, p.level(3).getWidth());
    assertEquals(0, p.levelFor(0.5));
    assertEquals(0, p.levelFor(1.9));
    assertEquals(1, p.levelFor(2));
    assertEquals(2, p.levelFor(7.9));
    assertEquals(3, p.levelFor(1000));
    // The strong cell survives every level (max pooling), in the block that holds it.
    int top = SequentialColorScale.log(1e-6, 1).color(1).toArgb();
    for (int level = 0; level < p.levelCount(); level++) {
      int f = 1 << level;
      assertEquals(top, p.level(level).getRGB(45 / f, 123 / f), "level " + level);
    }
  }
}
