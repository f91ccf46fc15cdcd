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
  /** ARGB of the hatch drawn over pixels marked "must not matter". */
  public static final int HATCH_ARGB = 0xFFD7301F;

  /**
   * Draws diagonal hatching in place over the marked pixels of a zoomed ARGB image: inside a marked
   * pixel's {@code scale × scale} cell, every point with {@code (x + y) mod 4 < 2} takes
   * {@link #HATCH_ARGB}, so the image stays visible between the stripes.
   *
   * @param argb zoomed image, row-major, {@code cols · scale} wide
   * @param cols columns of the unzoomed image
   * @param scale zoom factor
   * @param marked per unzoomed pixel {@code row · cols + col}, whether it is marked
   */
  public static void hatch(int[] argb, int cols, int scale, boolean[] marked) {
    int width = cols * scale;
    for (int p = 0; p < marked.length; p++) {
      if (!marked[p]) {
        continue;
      }
      int x0 = (p % cols) * scale;
      int y0 = (p / cols) * scale;
      for (int y = y0; y < y0 + scale; y++) {
        for (int x = x0; x < x0 + scale; x++) {
          if ((x + y) % 4 < 2 && y * width + x < argb.length) {
            argb[y * width + x] = HATCH_ARGB;
          }
        }
      }
    }
  }

  /**
   * The pixels a round brush of {@code radius} covers around ({@code row}, {@code col}), clipped to
   * the image.
   *
   * @return positions {@code row · cols + col}
   */
  public static int[] brush(int row, int col, int radius, int rows, int cols) {
    java.util.List<Integer> covered = new java.util.ArrayList<>();
    for (int r = row - radius; r <= row + radius; r++) {
      for (int c = col - radius; c <= col + radius; c++) {
        if (r >= 0 && r < rows && c >= 0 && c < cols
            && (r - row) * (r - row) + (c - col) * (c - col) <= radius * radius) {
          covered.add(r * cols + c);
        }
      }
    }
    return covered.stream().mapToInt(Integer::intValue).toArray();
  }

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
