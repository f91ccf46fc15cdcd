package io.gradlens.app.hidden;

import io.gradlens.app.color.SequentialColorScale;
import io.gradlens.app.heatmap.FxColors;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The colour legend of a logarithmic map scale. JFreeChart's {@link PaintScaleLegend} paints its
 * strip in equal steps of the axis value; on a {@code LogAxis} those are linear steps of the map
 * value, so all decades but the top one fell into the first step and were drawn in the lowest
 * colour (white below about 10<sup>-3</sup> of the maximum while the map shaded those cells).
 * Here the axis runs over u = log<sub>10</sub>(value), so equal steps of u are log-spaced values
 * over exactly the map's range, each painted with the map's own colour of 10<sup>u</sup>; the tick
 * labels show 10<sup>u</sup>.
 */
final class LogColorLegend {

  /** Strip subdivisions: 256 steps over at most eight decades, 0.03 decade each. */
  static final int SUBDIVISIONS = 256;

  private LogColorLegend() {
  }

  /** @return the legend axis position of map value {@code value} (> 0) */
  static double position(double value) {
    return Math.log10(value);
  }

  /**
   * @param scale the map's colour scale (logarithmic)
   * @param lower smallest value the scale distinguishes (> 0)
   * @param upper largest value
   * @return a legend whose strip at position {@link #position}(v) has the map's colour of v
   */
  static PaintScaleLegend of(SequentialColorScale scale, double lower, double upper) {
    double lo = position(lower);
    double hi = Math.max(position(upper), lo + 1e-6);
    NumberAxis axis = new NumberAxis("G[t][s] (log)");
    axis.setRange(lo, hi);
    axis.setNumberFormatOverride(new PowerOfTenFormat());
    PaintScale paints = new PaintScale() {
      @Override
      public double getLowerBound() {
        return lo;
      }

      @Override
      public double getUpperBound() {
        return hi;
      }

      @Override
      public Paint getPaint(double u) {
        return FxColors.awt(scale.color(Math.pow(10, Math.max(lo, Math.min(hi, u)))));
      }
    };
    PaintScaleLegend legend = new PaintScaleLegend(paints, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(4, 4, 4, 4));
    legend.setStripWidth(12);
    legend.setSubdivisionCount(SUBDIVISIONS);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    return legend;
  }

  /** Formats an exponent u as the value 10<sup>u</sup>, e.g. -3 as "1E-3", -2.5 as "3.2E-3". */
  static final class PowerOfTenFormat extends TickLabelFormat {

    private static final long serialVersionUID = 1L;

    @Override
    String label(double u) {
      return new DecimalFormat("0.#E0", DecimalFormatSymbols.getInstance(Locale.ROOT))
          .format(Math.pow(10, u));
    }
  }
}
