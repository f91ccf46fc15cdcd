package io.gradlens.app.chart;

import io.gradlens.explain.SanityStep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The cascading randomisation as lines: x is the layers randomised from the top (categorical,
 * one step per layer), y the mean Spearman ρ between the trained and the randomised model's
 * saliency, of |saliency| and of the signed saliency; dashed lines mark the verdict thresholds.
 */
public final class SpearmanStepChart extends ChartViewer {

  /** Series key of ρ of |saliency|. */
  public static final String ABSOLUTE = "Spearman \u03c1 of |saliency|";
  /** Series key of ρ of the signed saliency. */
  public static final String SIGNED = "Spearman \u03c1 of signed saliency";

  private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
  private final JFreeChart chart;

  /**
   * Creates an empty chart.
   *
   * @param thresholds ρ values drawn as dashed horizontal lines
   */
  public SpearmanStepChart(double... thresholds) {
    chart = ChartFactory.createLineChart(null, "layers randomised, from the output layer down",
        "mean Spearman \u03c1 with the trained model", dataset, PlotOrientation.VERTICAL, true,
        true, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.getRangeAxis().setRange(-1.05, 1.05);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    renderer.setSeriesPaint(0, new Color(0xB2, 0x18, 0x2B));
    renderer.setSeriesPaint(1, new Color(0x21, 0x66, 0xAC));
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    for (double t : thresholds) {
      ValueMarker marker = new ValueMarker(t, Color.GRAY, new BasicStroke(1f,
          BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
      plot.addRangeMarker(marker);
    }
    setChart(chart);
    setId("sanity-chart");
    setMinSize(200, 150);
  }

  /** Shows one point per step in each series (a NaN mean leaves a gap). */
  public void setSteps(List<SanityStep> steps) {
    dataset.clear();
    for (SanityStep s : steps) {
      dataset.addValue(finiteOrNull(s.meanSpearmanAbsolute()), ABSOLUTE, label(s));
      dataset.addValue(finiteOrNull(s.meanSpearmanSigned()), SIGNED, label(s));
    }
  }

  /** @return the newest randomised layer, e.g. {@code "dense_2"}, as a category label */
  public static String label(SanityStep step) {
    List<String> layers = step.randomizedLayers();
    String last = layers.get(layers.size() - 1);
    return layers.size() == 1 ? last : "+ " + last;
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** Removes all points. */
  public void clear() {
    dataset.clear();
  }

  /** @return number of points per series (one per step) */
  public int pointCount() {
    return dataset.getColumnCount();
  }

  /** @return the underlying chart (for export) */
  public JFreeChart chart() {
    return chart;
  }
}
