package io.gradlens.app.chart;

import io.gradlens.explain.evaluation.Deletion;
import io.gradlens.explain.evaluation.EvaluationReport;
import io.gradlens.explain.evaluation.Insertion;
import io.gradlens.explain.evaluation.MethodEvaluation;
import io.gradlens.explain.evaluation.MetricComparison;
import io.gradlens.explain.evaluation.MetricScores;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Deletion and insertion curves (Samek et al. 2017; Petsiuk et al. 2018): x the fraction of
 * positions removed (deletion, solid) or inserted (insertion, dashed), y the explained class's
 * mean probability; one colour per method, grey for the random baseline of the first method.
 */
public final class PerturbationCurveChart extends ChartViewer {

  private static final Color[] COLORS = {new Color(0xB2, 0x18, 0x2B), new Color(0x21, 0x66, 0xAC),
      new Color(0x1B, 0x9E, 0x77), new Color(0x75, 0x70, 0xB3), new Color(0xD9, 0x5F, 0x02)};
  private static final BasicStroke SOLID = new BasicStroke(2f);
  private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private final XYSeriesCollection dataset = new XYSeriesCollection();
  private final JFreeChart chart;

  /** Creates an empty chart. */
  public PerturbationCurveChart() {
    chart = ChartFactory.createXYLineChart(null, "fraction of positions removed / inserted",
        "mean probability of the explained class", dataset, PlotOrientation.VERTICAL, true, true,
        false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.getRangeAxis().setRange(0, 1.02);
    setChart(chart);
    setId("evaluation-chart");
    setMinSize(200, 150);
  }

  /** Shows the curves of {@code report}. */
  public void setReport(EvaluationReport report) {
    clear();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int k = 0;
    for (int m = 0; m < report.methods().size(); m++) {
      MethodEvaluation method = report.methods().get(m);
      Color color = COLORS[m % COLORS.length];
      k = add(method.method() + " deletion", method.comparison(Deletion.NAME), false, color, SOLID,
          renderer, k);
      k = add(method.method() + " insertion", method.comparison(Insertion.NAME), false, color,
          DASHED, renderer, k);
    }
    if (!report.methods().isEmpty()) {
      MethodEvaluation first = report.methods().get(0);
      k = add("random deletion", first.comparison(Deletion.NAME), true, Color.GRAY, SOLID,
          renderer, k);
      add("random insertion", first.comparison(Insertion.NAME), true, Color.GRAY, DASHED,
          renderer, k);
    }
    chart.getXYPlot().setRenderer(renderer);
  }

  private int add(String key, MetricComparison c, boolean random, Color color, BasicStroke stroke,
      XYLineAndShapeRenderer renderer, int index) {
    if (c == null) {
      return index;
    }
    MetricScores s = random ? c.random() : c.method();
    XYSeries series = new XYSeries(key, false);
    double[] f = s.fractions();
    double[] y = s.meanCurve();
    for (int j = 0; j < f.length; j++) {
      series.add(f[j], y[j]);
    }
    dataset.addSeries(series);
    renderer.setSeriesPaint(index, color);
    renderer.setSeriesStroke(index, stroke);
    return index + 1;
  }

  /** Removes every curve. */
  public void clear() {
    dataset.removeAllSeries();
  }

  /** @return the number of curves shown */
  public int curveCount() {
    return dataset.getSeriesCount();
  }

  /** @return the chart (for export) */
  public JFreeChart chart() {
    return chart;
  }
}
