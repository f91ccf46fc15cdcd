package io.gradlens.app.color;

/**
 * Sequential scale for non-negative magnitudes (e.g. T×T hidden-state gradient maps): white for
 * the minimum to dark purple for the maximum, optionally on a log axis. NaN gives
 * {@link DivergingColorScale#MISSING}.
 */
public final class SequentialColorScale {

  /** Colour of the maximum. */
  public static final Rgb HIGH = new Rgb(0.247, 0.0, 0.490);

  private final double min;
  private final double max;
  private final boolean log;

  private SequentialColorScale(double min, double max, boolean log) {
    this.min = min;
    this.max = max;
    this.log = log;
  }

  /**
   * Linear scale over [min, max].
   *
   * @throws IllegalArgumentException unless both bounds are finite and {@code min <= max}
   */
  public static SequentialColorScale linear(double min, double max) {
    checkRange(min, max);
    return new SequentialColorScale(min, max, false);
  }

  /**
   * Logarithmic scale over [min, max].
   *
   * @throws IllegalArgumentException unless {@code 0 < min <= max}, both finite
   */
  public static SequentialColorScale log(double min, double max) {
    checkRange(min, max);
    if (!(min > 0)) {
      throw new IllegalArgumentException("log scale needs min > 0: " + min);
    }
    return new SequentialColorScale(min, max, true);
  }

  /**
   * Scale fitted to the finite values. With {@code log}, the lower bound is the smallest finite
   * positive value (values {@code <= 0} then clamp to the bottom colour).
   */
  public static SequentialColorScale fitting(double[] values, boolean log) {
    if (!log) {
      double[] range = Normalization.finiteRange(values);
      return linear(range[0], range[1]);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v) && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return lo > hi ? log(1, 1) : log(lo, hi);
  }

  private static void checkRange(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
    }
  }

  /** @return whether the axis is logarithmic */
  public boolean isLog() {
    return log;
  }

  /** @return value mapped to [0, 1]; NaN stays NaN; a degenerate range maps everything to 0 */
  public double normalize(double value) {
    if (Double.isNaN(value)) {
      return Double.NaN;
    }
    if (max == min) {
      return value > max ? 1 : 0;
    }
    double t;
    if (log) {
      t = value <= 0 ? 0 : (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
    } else {
      t = (value - min) / (max - min);
    }
    return Math.max(0, Math.min(1, t));
  }

  /** @return colour of {@code value} */
  public Rgb color(double value) {
    double t = normalize(value);
    return Double.isNaN(t) ? DivergingColorScale.MISSING : Rgb.WHITE.mix(HIGH, t);
  }
}
