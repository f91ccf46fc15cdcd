package io.gradlens.app.hidden;

import io.gradlens.app.color.SequentialColorScale;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A square T&times;T map rendered once into images at several resolutions: level 0 has one pixel
 * per cell, level L one pixel per 2<sup>L</sup>&times;2<sup>L</sup> block holding the block's
 * <em>largest</em> value, so a strong dependence stays visible when a long document's map is
 * shown on fewer screen pixels than it has cells (plain image scaling would skip it). Drawing
 * picks the level whose pixels are about one screen pixel, so a redraw costs about one
 * data-area of pixels whatever T is.
 */
public final class MapPyramid {

  /** Levels stop once an image is this small. */
  private static final int SMALLEST = 64;

  private final List<BufferedImage> levels = new ArrayList<>();
  private final int steps;

  private MapPyramid(int steps) {
    this.steps = steps;
  }

  /**
   * @param map a square map (row t, column s)
   * @param scale colours of the values
   */
  static MapPyramid of(double[][] map, SequentialColorScale scale) {
    MapPyramid pyramid = new MapPyramid(map.length);
    double[][] values = map;
    while (true) {
      pyramid.levels.add(paint(values, scale));
      if (values.length <= SMALLEST) {
        return pyramid;
      }
      values = maxPool(values);
    }
  }

  /** @return T */
  int steps() {
    return steps;
  }

  /** @return number of levels */
  int levelCount() {
    return levels.size();
  }

  /** @return the image of level {@code level} */
  BufferedImage level(int level) {
    return levels.get(level);
  }

  /** @return the coarsest level whose pixels cover at most {@code cellsPerPixel} cells a side */
  int levelFor(double cellsPerPixel) {
    int level = 0;
    while (level + 1 < levels.size() && (1 << (level + 1)) <= cellsPerPixel) {
      level++;
    }
    return level;
  }

  /** 2×2 blocks to their largest value (NaN-safe: NaN is ignored unless the block is all NaN). */
  static double[][] maxPool(double[][] values) {
    int n = values.length;
    int m = (n + 1) / 2;
    double[][] pooled = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double best = Double.NaN;
        for (int di = 0; di < 2; di++) {
          for (int dj = 0; dj < 2; dj++) {
            int r = 2 * i + di;
            int c = 2 * j + dj;
            if (r < n && c < n && !(values[r][c] <= best)) {
              best = Double.isNaN(values[r][c]) ? best : values[r][c];
            }
          }
        }
        pooled[i][j] = best;
      }
    }
    return pooled;
  }

  private static BufferedImage paint(double[][] values, SequentialColorScale scale) {
    int n = values.length;
    BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
    int[] row = new int[n];
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < n; s++) {
        row[s] = scale.color(values[t][s]).toArgb();
      }
      image.setRGB(0, t, n, 1, row, 0, n);
    }
    return image;
  }
}
