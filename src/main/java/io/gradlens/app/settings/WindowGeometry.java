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

  /** @return whether the values describe a usable window (finite, at least 200×150) */
  public boolean isUsable() {
    return Double.isFinite(x) && Double.isFinite(y) && width >= 200 && height >= 150
        && Double.isFinite(width) && Double.isFinite(height);
  }
}
