package io.gradlens.app.heatmap;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.color.Rgb;

/**
 * Pure pixel computations for image heatmaps: nearest-neighbour upscaling of grayscale,
 * heatmap and overlay images into ARGB arrays (row-major).
 */
public final class PixelMaps {

  private PixelMaps() {
  }

  /** @return ARGB pixels of a grayscale image (values in [0, 1], NaN black), upscaled */
  public static int[] grayscale(double[][] image, int scale) {
    return render(image, scale, (r, c) -> Rgb.gray(image[r][c]));
  }

  /** @return ARGB pixels of the heatmap of {@code scores} under {@code colorScale}, upscaled */
  public static int[] heatmap(double[][] scores, DivergingColorScale colorScale, int scale) {
    return render(scores, scale, (r, c) -> colorScale.color(scores[r][c]));
  }

  /**
   * Overlay: the grayscale image tinted by the heatmap colour with opacity |normalised score|
   * times {@code maxAlpha}, so unimportant pixels show the original.
   */
  public static int[] overlay(double[][] image, double[][] scores, DivergingColorScale colorScale,
      double maxAlpha, int scale) {
    checkSameShape(image, scores);
    return render(image, scale, (r, c) -> {
      double t = colorScale.normalize(scores[r][c]);
      double alpha = Double.isNaN(t) ? 0 : Math.abs(t) * maxAlpha;
      return Rgb.gray(image[r][c]).mix(colorScale.color(scores[r][c]), alpha);
    });
  }

  /** @throws IllegalArgumentException unless both arrays are non-empty rectangles of one shape */
  public static void checkSameShape(double[][] a, double[][] b) {
    int rows = rows(a);
    int cols = cols(a);
    if (rows(b) != rows || cols(b) != cols) {
      throw new IllegalArgumentException("shape mismatch: " + rows + "x" + cols + " vs "
          + rows(b) + "x" + cols(b));
    }
  }

  /** @return number of rows, checking that the array is a non-empty rectangle */
  public static int rows(double[][] a) {
    cols(a);
    return a.length;
  }

  /** @return number of columns, checking that the array is a non-empty rectangle */
  public static int cols(double[][] a) {
    if (a.length == 0 || a[0].length == 0) {
      throw new IllegalArgumentException("empty image");
    }
    for (double[] row : a) {
      if (row.length != a[0].length) {
        throw new IllegalArgumentException("ragged image");
      }
    }
    return a[0].length;
  }

  private interface CellColor {
    Rgb at(int row, int col);
  }

  private static int[] render(double[][] cells, int scale, CellColor color) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be >= 1: " + scale);
    }
    int rows = rows(cells);
    int cols = cols(cells);
    int width = cols * scale;
    int[] argb = new int[width * rows * scale];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int value = color.at(r, c).toArgb();
        for (int dy = 0; dy < scale; dy++) {
          int base = (r * scale + dy) * width + c * scale;
          for (int dx = 0; dx < scale; dx++) {
            argb[base + dx] = value;
          }
        }
      }
    }
    return argb;
  }
}
