package io.gradlens.app.color;

/**
 * Symmetric diverging scale for signed attributions: negative blue, zero white, positive red.
 *
 * <p>A score {@code s} maps to {@code s / halfRange}, clamped to [-1, 1]. The half-range is either
 * the example's own max |score| ({@link #fitting}) or a shared value ({@link #withHalfRange}) so
 * several heatmaps can be compared. NaN scores get a neutral grey distinct from white.
 */
public final class DivergingColorScale {

  /** Colour of the most negative score. */
  public static final Rgb NEGATIVE = new Rgb(0.129, 0.400, 0.675);
  /** Colour of the most positive score. */
  public static final Rgb POSITIVE = new Rgb(0.698, 0.094, 0.169);
  /** Colour of NaN scores. */
  public static final Rgb MISSING = new Rgb(0.75, 0.75, 0.75);

  private final double halfRange;

  private DivergingColorScale(double halfRange) {
    this.halfRange = halfRange;
  }

  /**
   * Scale normalised by the maximum absolute finite score; all-zero or all-NaN input gives a
   * half-range of 1 so that nothing divides by zero.
   */
  public static DivergingColorScale fitting(double[] scores) {
    double max = Normalization.maxAbs(scores);
    return new DivergingColorScale(max > 0 ? max : 1);
  }

  /**
   * Scale with a given shared half-range.
   *
   * @throws IllegalArgumentException unless {@code halfRange} is finite and positive
   */
  public static DivergingColorScale withHalfRange(double halfRange) {
    if (!(halfRange > 0) || Double.isInfinite(halfRange)) {
      throw new IllegalArgumentException("halfRange must be finite and > 0: " + halfRange);
    }
    return new DivergingColorScale(halfRange);
  }

  /** @return the score that maps to full saturation */
  public double halfRange() {
    return halfRange;
  }

  /**
   * The scores this scale spans, as a legend shows them: from the score that saturates blue to
   * the one that saturates red, e.g. {@code −0.0420 … +0.0420} (three significant digits).
   */
  public String rangeText() {
    String magnitude = String.format(java.util.Locale.ROOT, "%.3g", halfRange);
    return "\u2212" + magnitude + " \u2026 +" + magnitude;
  }

  /** @return score scaled to [-1, 1]; NaN stays NaN, infinities clamp */
  public double normalize(double score) {
    if (Double.isNaN(score)) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, score / halfRange));
  }

  /** @return colour of {@code score} */
  public Rgb color(double score) {
    double t = normalize(score);
    if (Double.isNaN(t)) {
      return MISSING;
    }
    return t >= 0 ? Rgb.WHITE.mix(POSITIVE, t) : Rgb.WHITE.mix(NEGATIVE, -t);
  }

  /** @return colour of a normalised position {@code t} in [-1, 1] (for legends) */
  public static Rgb colorAt(double t) {
    return withHalfRange(1).color(t);
  }
}
