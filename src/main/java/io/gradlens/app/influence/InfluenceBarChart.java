package io.gradlens.app.influence;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.heatmap.FxColors;
import io.gradlens.app.service.InfluentialExample;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars of influence scores, one per training example: proponents (positive) in the
 * diverging scale's positive colour, opponents (negative) in its negative colour, largest
 * magnitude at the ends. Each bar is labelled with the example's text, shortened to
 * {@value #LABEL_CHARS} characters with an ellipsis, and its label (class name); the full text,
 * id and score are the bar's and the label's tooltip.
 */
public final class InfluenceBarChart extends ChartViewer {

  private static final java.awt.Color POSITIVE = FxColors.awt(DivergingColorScale.POSITIVE);
  private static final java.awt.Color NEGATIVE = FxColors.awt(DivergingColorScale.NEGATIVE);

  /** Characters of an example's text shown beside its bar. */
  static final int LABEL_CHARS = 32;

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
    renderer.setDefaultToolTipGenerator((data, row, column) ->
        ((Bar) data.getColumnKey(column)).tooltip());
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
    CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
    axis.clearCategoryLabelToolTips();
    for (RankedExample r : rows) {
      Bar bar = new Bar(r.example());
      dataset.addValue(r.example().score(), "score", bar);
      axis.addCategoryLabelToolTip(bar, bar.tooltip());
    }
  }

  /** @return the label of bar {@code i}, e.g. {@code “a great movie, I…” (positive)} */
  public String label(int i) {
    return dataset.getColumnKey(i).toString();
  }

  /** @return the tooltip of bar {@code i}: id, full text, label and score */
  public String tooltip(int i) {
    return ((Bar) dataset.getColumnKey(i)).tooltip();
  }

  /** @return {@code text} if at most {@code max} characters, else its start and an ellipsis */
  static String shorten(String text, int max) {
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "\u2026";
  }

  /** One bar's category: the example by id (so equal texts stay two bars), shown by its text. */
  private record Bar(InfluentialExample example) implements Comparable<Bar> {
    @Override
    public String toString() {
      return "\u201c" + shorten(example.text(), LABEL_CHARS) + "\u201d (" + example.label() + ")";
    }

    String tooltip() {
      return example.exampleId() + " (" + example.label() + "), score "
          + RankedExample.formatScore(example.score()) + ":\n" + example.text();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bar b && b.example.exampleId().equals(example.exampleId());
    }

    @Override
    public int hashCode() {
      return example.exampleId().hashCode();
    }

    @Override
    public int compareTo(Bar other) {
      return example.exampleId().compareTo(other.example.exampleId());
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
