package io.gradlens.app.settings;

/**
 * Saved main-window position and size.
 *
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 * @param maximized whether the window was maximised
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

  /** The smallest window the workbench restores (its tabs and toolbars need this much). */
  public static final double MIN_WIDTH = 900;
  /** The smallest window height the workbench restores. */
  public static final double MIN_HEIGHT = 600;
  /** The share of a restored window's area that must lie on one screen. */
  public static final double MIN_VISIBLE_SHARE = 0.75;

  /** A screen's usable area (its visual bounds), in the same coordinates as the window. */
  public record Area(double x, double y, double width, double height) {

    private double overlap(WindowGeometry g) {
      double w = Math.min(x + width, g.x + g.width) - Math.max(x, g.x);
      double h = Math.min(y + height, g.y + g.height) - Math.max(y, g.y);
      return w <= 0 || h <= 0 ? 0 : w * h;
    }
  }

  /** @return whether the values describe a usable window (finite, at least 200×150) */
  public boolean isUsable() {
    return Double.isFinite(x) && Double.isFinite(y) && width >= 200 && height >= 150
        && Double.isFinite(width) && Double.isFinite(height);
  }

  /**
   * Whether this saved geometry can be restored on these screens: finite, at least
   * {@value #MIN_WIDTH}×{@value #MIN_HEIGHT}, and with at least {@value #MIN_VISIBLE_SHARE} of
   * its area on one screen (a window saved on a screen that is gone, or dragged off, is not).
   */
  public boolean fits(java.util.List<Area> screens) {
    if (!isUsable() || width < MIN_WIDTH || height < MIN_HEIGHT) {
      return false;
    }
    double area = width * height;
    return screens.stream().anyMatch(s -> s.overlap(this) >= MIN_VISIBLE_SHARE * area);
  }

  /**
   * The geometry to open the window with on {@code primary}: this one when it {@link #fits},
   * else {@code width}×{@code height} (at most 90 % of the screen) centred on it.
   */
  public static WindowGeometry restore(WindowGeometry saved, java.util.List<Area> screens,
      Area primary, double width, double height) {
    if (saved != null && saved.fits(screens)) {
      return saved;
    }
    double w = Math.min(width, 0.9 * primary.width());
    double h = Math.min(height, 0.9 * primary.height());
    return new WindowGeometry(primary.x() + (primary.width() - w) / 2,
        primary.y() + (primary.height() - h) / 2, w, h, false);
  }
}
