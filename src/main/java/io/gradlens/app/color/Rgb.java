package io.gradlens.app.color;

/**
 * An opaque sRGB colour with components in [0, 1].
 *
 * @param red red component
 * @param green green component
 * @param blue blue component
 */
public record Rgb(double red, double green, double blue) {

  /** White. */
  public static final Rgb WHITE = new Rgb(1, 1, 1);

  /** Validates the components. */
  public Rgb {
    check(red);
    check(green);
    check(blue);
  }

  private static void check(double c) {
    if (!(c >= 0 && c <= 1)) {
      throw new IllegalArgumentException("component not in [0,1]: " + c);
    }
  }

  /** @return a grey with the given level in [0, 1] (clamped, NaN gives black) */
  public static Rgb gray(double level) {
    double v = Double.isNaN(level) ? 0 : Math.max(0, Math.min(1, level));
    return new Rgb(v, v, v);
  }

  /**
   * Linear interpolation towards {@code other}.
   *
   * @param other target colour
   * @param t weight of {@code other} in [0, 1] (clamped; NaN gives this colour)
   * @return the mixed colour
   */
  public Rgb mix(Rgb other, double t) {
    double w = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    if (w == 0) {
      return this;
    }
    if (w == 1) {
      return other;
    }
    return new Rgb(
        red + (other.red - red) * w,
        green + (other.green - green) * w,
        blue + (other.blue - blue) * w);
  }

  /** @return relative luminance (Rec. 709 weights, on gamma-encoded values) */
  public double luminance() {
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  }

  /** @return whether dark text is more readable than light text on this background */
  public boolean prefersDarkText() {
    return luminance() > 0.5;
  }

  /** @return 0xAARRGGBB with full alpha */
  public int toArgb() {
    return 0xFF000000 | (channel(red) << 16) | (channel(green) << 8) | channel(blue);
  }

  /** @return {@code #rrggbb} */
  public String toHex() {
    return String.format("#%02x%02x%02x", channel(red), channel(green), channel(blue));
  }

  private static int channel(double c) {
    return (int) Math.round(c * 255);
  }
}
