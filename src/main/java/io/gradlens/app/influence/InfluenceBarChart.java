package io.gradlens.app.influence;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.heatmap.FxColors;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars of influence scores, one per training example: proponents (positive) in the
 * diverging scale's positive colour, opponents (negative) in its negative colour, largest
 * magnitude at the ends.
 */
public final class InfluenceBarChart extends ChartViewer {

  private static final java.awt.Color POSITIVE = FxColors.awt(DivergingColorScale.POSITIVE);
  private static final java.awt.Color NEGATIVE = FxColors.awt(DivergingColorScale.NEGATIVE);

  private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
  private final JFreeChart chart;

  /** @param title chart title, e.g. "Influence scores" */
  public InfluenceBarChart(String title) {
    chart = ChartFactory.createBarChart(title, null, "score", dataset,
        PlotOrientation.HORIZONTAL, false, true, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(java.awt.Color.WHITE);
    plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
    BarRenderer renderer = new BarRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        Number v = dataset.getValue(row, column);
        return v != null && v.doubleValue() < 0 ? NEGATIVE : POSITIVE;
      }
    };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    plot.setRenderer(renderer);
    setChart(chart);
    setPrefSize(420, 320);
    setMinSize(160, 120);
  }

  /** Shows one bar per row, in the given order (e.g. proponents, then opponents reversed). */
  public void setRows(List<RankedExample> rows) {
    dataset.clear();
    for (RankedExample r : rows) {
      dataset.addValue(r.example().score(), "score", r.example().exampleId());
    }
  }

  /** @return number of bars */
  public int barCount() {
    return dataset.getColumnCount();
  }

  /** @return the score of bar {@code i} */
  public double value(int i) {
    return dataset.getValue(0, i).doubleValue();
  }

  /** @return the chart, for export */
  public JFreeChart chart() {
    return chart;
  }
}
