package io.gradlens.app.heatmap;

import io.gradlens.app.color.DivergingColorScale;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * The colour legend of a heatmap drawn as vector graphics (for SVG and PNG export): a gradient bar
 * from the most negative to the most positive colour of a {@link DivergingColorScale}, framed,
 * with the scale's range ({@link DivergingColorScale#rangeText()}) written beside it.
 */
public final class LegendSvg {

  /** Height the legend takes, including its margin above. */
  public static final double HEIGHT = 26;
  private static final double BAR_WIDTH = 160;
  private static final double BAR_HEIGHT = 12;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private LegendSvg() {
  }

  /** Draws the legend of {@code scale} with its top-left corner at ({@code x}, {@code y}). */
  public static void draw(Graphics2D g, DivergingColorScale scale, double x, double y) {
    double top = y + (HEIGHT - BAR_HEIGHT) / 2;
    float[] fractions = {0f, 0.5f, 1f};
    Color[] colors = {FxColors.awt(DivergingColorScale.colorAt(-1)),
        FxColors.awt(DivergingColorScale.colorAt(0)), FxColors.awt(DivergingColorScale.colorAt(1))};
    Rectangle2D bar = new Rectangle2D.Double(x, top, BAR_WIDTH, BAR_HEIGHT);
    g.setPaint(new LinearGradientPaint(new Point2D.Double(x, top),
        new Point2D.Double(x + BAR_WIDTH, top), fractions, colors));
    g.fill(bar);
    g.setColor(Color.DARK_GRAY);
    g.draw(bar);
    g.setFont(FONT);
    FontMetrics fm = g.getFontMetrics(FONT);
    g.setColor(Color.BLACK);
    g.drawString(scale.rangeText(), (float) (x + BAR_WIDTH + 8),
        (float) (top + (BAR_HEIGHT + fm.getAscent() - fm.getDescent()) / 2));
  }
}
