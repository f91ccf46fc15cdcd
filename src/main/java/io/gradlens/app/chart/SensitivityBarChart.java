package io.gradlens.app.chart;

import io.gradlens.app.service.FeatureSensitivity;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars of input sensitivity: one group per feature (named by input and feature), one bar
 * for the mean ∂output/∂input and one for the mean |∂output/∂input|.
 */
public final class SensitivityBarChart extends ChartViewer {

  /** Series key of the mean gradient. */
  public static final String MEAN = "mean \u2202out/\u2202x";
  /** Series key of the mean absolute gradient. */
  public static final String MEAN_ABS = "mean |\u2202out/\u2202x|";

  private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
  private final JFreeChart chart;

  /** Creates an empty chart. */
  public SensitivityBarChart() {
    chart = ChartFactory.createBarChart(null, null, "\u2202 output / \u2202 input", dataset,
        PlotOrientation.VERTICAL, true, true, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    renderer.setSeriesPaint(0, new Color(0x21, 0x66, 0xAC));
    renderer.setSeriesPaint(1, new Color(0xB2, 0x18, 0x2B));
    setChart(chart);
    setId("sensitivity-chart");
    setMinSize(200, 150);
  }

  /** Shows one group of two bars per feature, in the given order. */
  public void setFeatures(List<FeatureSensitivity> features) {
    dataset.clear();
    for (FeatureSensitivity f : features) {
      dataset.addValue(f.mean(), MEAN, f.label());
      dataset.addValue(f.meanAbsolute(), MEAN_ABS, f.label());
    }
  }

  /** Removes all bars. */
  public void clear() {
    dataset.clear();
  }

  /** @return the shown value of a series ({@link #MEAN} or {@link #MEAN_ABS}) for a feature */
  public double value(String series, String featureLabel) {
    return dataset.getValue(series, featureLabel).doubleValue();
  }

  /** @return number of feature groups */
  public int groupCount() {
    return dataset.getColumnCount();
  }

  /** @return the underlying chart (for export) */
  public JFreeChart chart() {
    return chart;
  }
}
