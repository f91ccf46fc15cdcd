package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.HiddenStateGradientMap;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * The drawn legend shows every colour the drawn map uses, at the axis position of its value:
 * both are rendered to pixels and compared. With JFreeChart's linear subdivisions on a log axis
 * (the old legend) the strip is the lowest colour over all decades but the top one, and this
 * test fails.
 */
class LogColorLegendTest {

  private static final int N = 9;
  private static final int WIDTH = 90;
  private static final int HEIGHT = 520;
  /** Legend margin (LogColorLegend) around the strip and axis. */
  private static final double MARGIN = 4;

  /** map[t][s] = 10^-(t − s) for s ≤ t: nine decades, 1 down to 1e-8. */
  private static HiddenStateGradientMap decades() {
    double[][] map = new double[N][N];
    for (int t = 0; t < N; t++) {
      for (int s = 0; s <= t; s++) {
        map[t][s] = Math.pow(10, -(t - s));
      }
    }
    List<String> tokens = Collections.nCopies(N, "w");
    return new HiddenStateGradientMap(tokens, new int[N], "lstm", "mean", new double[N],
        new double[N], map, Map.of());
  }

  @Test
  void theLegendColourAtEachValuesPositionIsTheMapsColourOfThatValue() {
    HiddenMapChart.Rendered rendered = HiddenMapChart.Rendered.of(decades());
    BufferedImage map = rendered.pyramid().level(0);
    PaintScaleLegend legend = rendered.legend();
    BufferedImage strip = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = strip.createGraphics();
    Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);
    legend.draw(g, area);
    g.dispose();
    Rectangle2D target = new Rectangle2D.Double(MARGIN, MARGIN, WIDTH - 2 * MARGIN,
        HEIGHT - 2 * MARGIN);
    int x = (int) (target.getMinX() + legend.getStripWidth() / 2);
    // every cell value the map shows except the range's two ends (a strip edge is anti-aliased)
    for (int t = 1; t < N - 1; t++) {
      double v = Math.pow(10, -t);
      int y = (int) Math.round(legend.getAxis().valueToJava2D(LogColorLegend.position(v), target,
          RectangleEdge.RIGHT));
      assertColour(map.getRGB(0, t), strip.getRGB(x, y), "value " + v + " at y = " + y);
    }
    // and values between the cells' values, against the map scale's colour
    for (double e = -7.75; e < -0.2; e += 0.5) {
      double v = Math.pow(10, e);
      int y = (int) Math.round(legend.getAxis().valueToJava2D(LogColorLegend.position(v), target,
          RectangleEdge.RIGHT));
      int expected = io.gradlens.app.color.SequentialColorScale.log(rendered.bounds()[0],
          rendered.bounds()[1]).color(v).toArgb();
      assertColour(expected, strip.getRGB(x, y), "value " + v + " at y = " + y);
    }
  }

  @Test
  void tickLabelsNameTheValueNotItsExponent() {
    LogColorLegend.PowerOfTenFormat f = new LogColorLegend.PowerOfTenFormat();
    assertEquals("1E-3", f.format(-3.0));
    assertEquals("3.2E-3", f.format(-2.5));
    assertEquals("1E0", f.format(0.0));
  }

  /** Within a subdivision's rounding: 256 steps of a white-to-purple mix, ≤ 1 level each. */
  private static void assertColour(int expected, int actual, String where) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int a = (expected >> shift) & 0xFF;
      int b = (actual >> shift) & 0xFF;
      assertTrue(Math.abs(a - b) <= 3, where + ": expected #" + Integer.toHexString(expected)
          + ", legend draws #" + Integer.toHexString(actual));
    }
  }
}
