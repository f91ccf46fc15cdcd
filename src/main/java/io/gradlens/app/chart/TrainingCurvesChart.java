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
 * point per epoch, plus a smoothed per-batch training loss. Runs with the explanation penalty add
 * the loss's parts: classification loss (left axis) and saliency loss (own axis, per epoch and
 * smoothed per batch). Call only on the FX thread.
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
  private final XYSeries classificationLoss = new XYSeries("train classification loss");
  private final XYSeries saliencyLoss = new XYSeries("train saliency loss (right axis)");
  private final XYSeries batchSaliencyLoss =
      new XYSeries("saliency loss (per batch, smoothed)");
  private final ExponentialSmoother smoother = new ExponentialSmoother(SMOOTHING);
  private final ExponentialSmoother saliencySmoother = new ExponentialSmoother(SMOOTHING);
  private final NumberAxis saliencyAxis = new NumberAxis("saliency loss");
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
    losses.addSeries(classificationLoss);
    XYSeriesCollection saliency = new XYSeriesCollection();
    saliency.addSeries(saliencyLoss);
    saliency.addSeries(batchSaliencyLoss);
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
    lossRenderer.setSeriesPaint(3, new Color(0x1B, 0x78, 0x37));
    XYLineAndShapeRenderer saliencyRenderer = new XYLineAndShapeRenderer(true, true);
    saliencyRenderer.setSeriesPaint(0, new Color(0x76, 0x2A, 0x83));
    saliencyRenderer.setSeriesPaint(1, new Color(0xC2, 0xA5, 0xCF));
    saliencyRenderer.setSeriesShapesVisible(1, false);
    saliencyRenderer.setSeriesStroke(1, new BasicStroke(1f));
    saliencyAxis.setAutoRangeIncludesZero(true);
    saliencyAxis.setVisible(false);
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
    // The penalty is λ-weighted and can be orders of magnitude off the cross-entropy: own axis.
    plot.setDataset(2, saliency);
    plot.setRangeAxis(2, saliencyAxis);
    plot.mapDatasetToRangeAxis(2, 2);
    plot.setRenderer(2, saliencyRenderer);
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
   * Adds the two parts of one epoch's training loss, {@code loss = classification_loss +
   * saliency_loss}, of a run with the explanation penalty; NaN parts are skipped. The saliency loss
   * has its own axis, shown from its first point on.
   */
  public void addLossParts(int epoch, double classificationLossValue,
      double saliencyLossValue) {
    addIfFinite(classificationLoss, epoch, classificationLossValue);
    addIfFinite(saliencyLoss, epoch, saliencyLossValue);
    saliencyAxis.setVisible(saliencyLoss.getItemCount() + batchSaliencyLoss.getItemCount() > 0);
    markDirty();
  }

  /**
   * Adds one batch's saliency loss (the penalty part) at fractional epoch {@code position},
   * smoothed and thinned like {@link #addBatch}; call before {@link #addBatch} for the same batch.
   */
  public void addBatchSaliencyLoss(double position, double loss) {
    if (!Double.isFinite(loss)) {
      return;
    }
    double smoothed = saliencySmoother.add(loss);
    if (position - lastBatchPosition >= 1.0 / BATCH_POINTS_PER_EPOCH) {
      batchSaliencyLoss.add(position, smoothed);
      saliencyAxis.setVisible(true);
    }
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
    classificationLoss.clear();
    saliencyLoss.clear();
    batchSaliencyLoss.clear();
    saliencyAxis.setVisible(false);
    smoother.reset();
    saliencySmoother.reset();
    lastBatchPosition = Double.NEGATIVE_INFINITY;
    flush();
  }

  /** @return number of epoch points of the training-loss series */
  public int epochCount() {
    return trainLoss.getItemCount();
  }

  /** @return number of epoch points of the saliency-loss series */
  public int saliencyEpochCount() {
    return saliencyLoss.getItemCount();
  }

  /** @return number of epoch points of the classification-loss series */
  public int classificationEpochCount() {
    return classificationLoss.getItemCount();
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
