package io.gradlens.app.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Small horizontal bar chart of class probabilities; the target class is highlighted. */
public final class ProbabilityBarChart extends ChartViewer {

  private static final Color BAR = new Color(0x9E, 0x9E, 0x9E);
  private static final Color TARGET = new Color(0xB2, 0x18, 0x2B);

  private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
  private final JFreeChart chart;
  private int highlighted = -1;

  /** Creates an empty chart. */
  public ProbabilityBarChart() {
    chart = ChartFactory.createBarChart(null, null, "probability", dataset,
        PlotOrientation.HORIZONTAL, false, true, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getRangeAxis().setRange(0, 1);
    plot.setBackgroundPaint(Color.WHITE);
    BarRenderer renderer = new BarRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        return column == highlighted ? TARGET : BAR;
      }
    };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    plot.setRenderer(renderer);
    setChart(chart);
    setId("probability-chart");
    setPrefSize(320, 180);
    setMinSize(120, 100);
  }

  /**
   * Shows probabilities.
   *
   * @param classNames class names
   * @param probabilities one per class
   * @param target index of the highlighted (explained) class, or -1
   */
  public void setProbabilities(List<String> classNames, double[] probabilities, int target) {
    if (classNames.size() != probabilities.length) {
      throw new IllegalArgumentException("classNames and probabilities differ in length");
    }
    highlighted = target;
    dataset.clear();
    for (int i = 0; i < probabilities.length; i++) {
      dataset.addValue(probabilities[i], "p", classNames.get(i));
    }
  }

  /** Removes all bars. */
  public void clear() {
    dataset.clear();
  }

  /** @return number of bars */
  public int barCount() {
    return dataset.getColumnCount();
  }

  /** @return the underlying chart (for export) */
  public JFreeChart chart() {
    return chart;
  }
}
