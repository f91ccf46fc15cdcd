package io.gradlens.app.color;

/** NaN-safe statistics used to choose heatmap scales. */
public final class Normalization {

  private Normalization() {
  }

  /**
   * Largest absolute finite value.
   *
   * @return max |v| over the finite values, or 0 when there are none
   */
  public static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  /** @return max |v| over all finite cells of a 2-D array, 0 when there are none */
  public static double maxAbs(double[][] values) {
    double max = 0;
    for (double[] row : values) {
      max = Math.max(max, maxAbs(row));
    }
    return max;
  }

  /**
   * Finite minimum and maximum.
   *
   * @return {min, max} over the finite values, or {0, 0} when there are none
   */
  public static double[] finiteRange(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > max ? new double[] {0, 0} : new double[] {min, max};
  }
}
