package io.gradlens.app.hidden;

import io.gradlens.workflow.hidden.CurveBand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A per-step line chart (one value per timestep t) for the current example, optionally with a
 * dataset sample drawn as its mean and a shaded quantile band ({@link CurveBand}), and a linear or
 * logarithmic value axis. A log axis cannot show values &le; 0: those points become gaps (a band
 * point whose lower quantile is &le; 0 is left out) and a subtitle counts them. Call only on the
 * FX thread.
 */
public final class StepChart extends ChartViewer {

  private static final Color EXAMPLE = new Color(0x21, 0x66, 0xAC);
  /** Colours of further per-unit lines (ColorBrewer Dark2, after the first line's blue). */
  private static final Color[] MORE = {new Color(0xD9, 0x5F, 0x02), new Color(0x1B, 0x9E, 0x77),
      new Color(0x75, 0x70, 0xB3), new Color(0xE7, 0x29, 0x8A), new Color(0x66, 0xA6, 0x1E),
      new Color(0xE6, 0xAB, 0x02), new Color(0xA6, 0x76, 0x1D), new Color(0x66, 0x66, 0x66)};
  private static final Color DATASET = new Color(0xB2, 0x18, 0x2B);

  private final String valueLabel;
  private final XYSeriesCollection lines = new XYSeriesCollection();
  private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final TextTitle hiddenPoints = new TextTitle("");
  private final TokenAxis stepAxis = new TokenAxis("timestep t", true);
  private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
  private List<String> names = List.of();
  private List<double[]> examples = List.of();
  private List<String> tokenLabels = List.of();
  private CurveBand band;
  private String bandName;
  private boolean log;
  private ValueMarker stepMarker;

  /**
   * @param title chart title
   * @param valueLabel value axis label
   */
  public StepChart(String title, String valueLabel) {
    this.valueLabel = valueLabel;
    lineRenderer.setSeriesPaint(0, EXAMPLE);
    lineRenderer.setSeriesStroke(0, new BasicStroke(1.6f));
    for (int i = 0; i < MORE.length; i++) {
      lineRenderer.setSeriesPaint(i + 1, MORE[i]);
      lineRenderer.setSeriesStroke(i + 1, new BasicStroke(1.4f));
    }
    DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    bandRenderer.setSeriesPaint(0, DATASET);
    bandRenderer.setSeriesFillPaint(0, new Color(0xF4, 0xA5, 0x82));
    bandRenderer.setAlpha(0.35f);
    plot = new XYPlot(lines, stepAxis, valueAxis(false), lineRenderer);
    plot.setDataset(1, bands);
    plot.setRenderer(1, bandRenderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainPannable(true);
    plot.setNoDataMessage(null);
    chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    hiddenPoints.setFont(hiddenPoints.getFont().deriveFont(11f));
    chart.addSubtitle(hiddenPoints);
    setChart(chart);
    setPrefSize(480, 240);
  }

  /** Shows the current example's values (null clears). */
  public void setExample(String name, double[] values) {
    setSeries(values == null ? List.of() : List.of(name), values == null ? List.of()
        : List.<double[]>of(values));
  }

  /** Shows one line per series, e.g. one per selected unit (empty lists clear). */
  public void setSeries(List<String> seriesNames, List<double[]> values) {
    if (seriesNames.size() != values.size()) {
      throw new IllegalArgumentException(seriesNames.size() + " names for " + values.size()
          + " series");
    }
    names = List.copyOf(seriesNames);
    examples = values.stream().map(double[]::clone).toList();
    rebuild();
  }

  /**
   * Labels the timestep axis with these tokens while at most {@value TokenAxis#MAX_LABELLED}
   * steps are visible (empty: indices only) and keeps it within their steps.
   */
  public void setTokens(List<String> labels) {
    tokenLabels = List.copyOf(labels);
    rebuild();
  }

  /** @return the timestep axis */
  TokenAxis stepAxis() {
    return stepAxis;
  }

  /** Shows a dataset sample's mean and band (null clears). */
  public void setBand(String name, CurveBand newBand) {
    bandName = name;
    band = newBand;
    rebuild();
  }

  /** Switches between a linear and a logarithmic value axis. */
  public void setLog(boolean logarithmic) {
    if (log == logarithmic) {
      return;
    }
    log = logarithmic;
    plot.setRangeAxis(valueAxis(log));
    rebuild();
  }

  /** @return whether the value axis is logarithmic */
  public boolean isLog() {
    return log;
  }

  /** Marks timestep t with a vertical line (−1: none). */
  public void setStep(int t) {
    if (stepMarker != null) {
      plot.removeDomainMarker(stepMarker, Layer.FOREGROUND);
      stepMarker = null;
    }
    if (t >= 0) {
      stepMarker = new ValueMarker(t, new Color(0xE6, 0x55, 0x0D), new BasicStroke(1.5f));
      plot.addDomainMarker(stepMarker, Layer.FOREGROUND);
    }
  }

  private ValueAxis valueAxis(boolean logarithmic) {
    if (logarithmic) {
      LogAxis axis = new LogAxis(valueLabel + " (log)");
      axis.setAutoRange(true);
      axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
      return axis;
    }
    NumberAxis axis = new NumberAxis(valueLabel);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  private void rebuild() {
    chart.setNotify(false);
    int dropped = 0;
    lines.removeAllSeries();
    bands.removeAllSeries();
    for (int i = 0; i < examples.size(); i++) {
      double[] example = examples.get(i);
      XYSeries s = new XYSeries(names.get(i), false, true);
      for (int t = 0; t < example.length; t++) {
        boolean shown = !log || example[t] > 0;
        s.add(t, shown ? Double.valueOf(example[t]) : null);
        dropped += shown ? 0 : 1;
      }
      lines.addSeries(s);
    }
    if (band != null) {
      YIntervalSeries b = new YIntervalSeries(bandName + String.format(java.util.Locale.ROOT,
          " (mean, %d\u2013%d%% band)", Math.round(band.lowProbability() * 100),
          Math.round(band.highProbability() * 100)), false, true);
      double[] mean = band.mean();
      double[] low = band.low();
      double[] high = band.high();
      for (int t = 0; t < mean.length; t++) {
        if (log && !(low[t] > 0)) {
          dropped++;
          continue;
        }
        b.add(t, mean[t], low[t], high[t]);
      }
      bands.addSeries(b);
    }
    int steps = tokenLabels.size();
    for (double[] example : examples) {
      steps = Math.max(steps, example.length);
    }
    steps = band == null ? steps : Math.max(steps, band.steps());
    stepAxis.setTokens(tokenLabels.size() <= steps ? tokenLabels : List.of(), steps);
    if (steps > 0) {
      stepAxis.setRange(stepAxis.bounds());
    }
    hiddenPoints.setText(dropped == 0 ? "" : dropped + " point(s) \u2264 0 not shown on the log"
        + " axis");
    chart.setNotify(true);
  }

  /** @return the example's series collection (tests) */
  public XYSeriesCollection lines() {
    return lines;
  }

  /** @return the dataset band collection (tests) */
  public YIntervalSeriesCollection bands() {
    return bands;
  }

  /** @return the chart, for export */
  public JFreeChart chart() {
    return chart;
  }

  /** @return the plot */
  public XYPlot plot() {
    return plot;
  }
}
