package io.gradlens.app.export;

import java.awt.Graphics2D;

/** Something that can draw itself as vector graphics, for SVG export. */
public interface SvgDrawable {

  /** @return drawing width in pixels */
  double svgWidth();

  /** @return drawing height in pixels */
  double svgHeight();

  /** Draws onto {@code g} within (0, 0, width, height). */
  void drawSvg(Graphics2D g);
}
