package io.gradlens.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Live training curves: loss (left axis) and accuracy (right axis) for train and validation, one
 * point per epoch, plus a smoothed per-batch training loss. Call only on the FX thread.
 */
public final class TrainingCurvesChart extends ChartViewer {

  /** Default smoothing weight of the per-batch series. */
  public static final double SMOOTHING = 0.9;
  /** At most this many smoothed per-batch points are plotted per epoch (long runs stay cheap). */
  public static final int BATCH_POINTS_PER_EPOCH = 100;
  /** Minimum time between two redraws while points stream in. */
  public static final Duration REDRAW_INTERVAL = Duration.millis(500);

  private final XYSeries trainLoss = new XYSeries("train loss");
  private final XYSeries valLoss = new XYSeries("val loss");
  private final XYSeries batchLoss = new XYSeries("train loss (per batch, smoothed)");
  private final XYSeries trainAccuracy = new XYSeries("train accuracy");
  private final XYSeries valAccuracy = new XYSeries("val accuracy");
  private final ExponentialSmoother smoother = new ExponentialSmoother(SMOOTHING);
  private final JFreeChart chart;
  private final PauseTransition redraw = new PauseTransition(REDRAW_INTERVAL);
  private boolean dirty;
  private double lastBatchPosition = Double.NEGATIVE_INFINITY;

  /** Creates an empty chart. */
  public TrainingCurvesChart() {
    XYSeriesCollection losses = new XYSeriesCollection();
    losses.addSeries(trainLoss);
    losses.addSeries(valLoss);
    losses.addSeries(batchLoss);
    XYSeriesCollection accuracies = new XYSeriesCollection();
    accuracies.addSeries(trainAccuracy);
    accuracies.addSeries(valAccuracy);

    NumberAxis epochAxis = new NumberAxis("epoch");
    epochAxis.setAutoRangeIncludesZero(true);
    NumberAxis lossAxis = new NumberAxis("loss");
    lossAxis.setAutoRangeIncludesZero(false);
    NumberAxis accuracyAxis = new NumberAxis("accuracy");
    accuracyAxis.setRange(0, 1);

    XYLineAndShapeRenderer lossRenderer = new XYLineAndShapeRenderer(true, true);
    lossRenderer.setSeriesPaint(0, new Color(0x21, 0x66, 0xAC));
    lossRenderer.setSeriesPaint(1, new Color(0xB2, 0x18, 0x2B));
    lossRenderer.setSeriesPaint(2, new Color(0x92, 0xC5, 0xDE));
    lossRenderer.setSeriesShapesVisible(2, false);
    lossRenderer.setSeriesStroke(2, new BasicStroke(1f));
    XYLineAndShapeRenderer accuracyRenderer = new XYLineAndShapeRenderer(true, true);
    accuracyRenderer.setSeriesPaint(0, new Color(0x21, 0x66, 0xAC));
    accuracyRenderer.setSeriesPaint(1, new Color(0xB2, 0x18, 0x2B));
    BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f);
    accuracyRenderer.setSeriesStroke(0, dashed);
    accuracyRenderer.setSeriesStroke(1, dashed);

    XYPlot plot = new XYPlot(losses, epochAxis, lossAxis, lossRenderer);
    plot.setDataset(1, accuracies);
    plot.setRangeAxis(1, accuracyAxis);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, accuracyRenderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    setChart(chart);
    setId("training-curves");
    setPrefSize(640, 360);
    redraw.setOnFinished(e -> flush());
  }

  /**
   * Streaming points would redraw the whole chart per point and can saturate the FX thread, so
   * additions only mark the chart dirty; it is redrawn at most once per {@link #REDRAW_INTERVAL}.
   */
  private void markDirty() {
    if (!dirty) {
      dirty = true;
      chart.setNotify(false);
      redraw.playFromStart();
    }
  }

  /** Redraws now if points were added since the last redraw. */
  public void flush() {
    if (dirty) {
      dirty = false;
      redraw.stop();
      chart.setNotify(true);
    }
  }

  /** Adds one epoch's metrics at x = {@code epoch}; NaN validation values are skipped. */
  public void addEpoch(int epoch, double trainLossValue, double trainAccuracyValue,
      double valLossValue, double valAccuracyValue) {
    addIfFinite(trainLoss, epoch, trainLossValue);
    addIfFinite(trainAccuracy, epoch, trainAccuracyValue);
    addIfFinite(valLoss, epoch, valLossValue);
    addIfFinite(valAccuracy, epoch, valAccuracyValue);
    markDirty();
  }

  /**
   * Adds one batch's training loss at fractional epoch {@code position}. Every batch feeds the
   * exponential moving average; the series plots it at most {@link #BATCH_POINTS_PER_EPOCH}
   * times per epoch.
   */
  public void addBatch(double position, double loss) {
    double smoothed = smoother.add(loss);
    if (position - lastBatchPosition >= 1.0 / BATCH_POINTS_PER_EPOCH) {
      lastBatchPosition = position;
      addIfFinite(batchLoss, position, smoothed);
      markDirty();
    }
  }

  private static void addIfFinite(XYSeries series, double x, double y) {
    if (Double.isFinite(y)) {
      series.add(x, y);
    }
  }

  /** Removes all points. */
  public void clear() {
    trainLoss.clear();
    valLoss.clear();
    batchLoss.clear();
    trainAccuracy.clear();
    valAccuracy.clear();
    smoother.reset();
    lastBatchPosition = Double.NEGATIVE_INFINITY;
    flush();
  }

  /** @return number of epoch points of the training-loss series */
  public int epochCount() {
    return trainLoss.getItemCount();
  }

  /** @return number of points of the per-batch series */
  public int batchCount() {
    return batchLoss.getItemCount();
  }

  /** @return the underlying chart (for export) */
  public JFreeChart chart() {
    return chart;
  }
}
