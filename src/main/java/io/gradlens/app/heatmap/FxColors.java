package io.gradlens.app.heatmap;

import io.gradlens.app.color.Rgb;
import javafx.scene.paint.Color;

/** Converts pure {@link Rgb} colours to JavaFX and AWT colours. */
public final class FxColors {

  private FxColors() {
  }

  /** @return the JavaFX colour */
  public static Color fx(Rgb rgb) {
    return Color.color(rgb.red(), rgb.green(), rgb.blue());
  }

  /** @return the AWT colour (for SVG drawing) */
  public static java.awt.Color awt(Rgb rgb) {
    return new java.awt.Color(rgb.toArgb(), false);
  }
}
