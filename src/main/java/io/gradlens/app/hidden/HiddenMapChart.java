package io.gradlens.app.hidden;

import io.gradlens.app.color.SequentialColorScale;
import io.gradlens.explain.HiddenStateGradientMap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The T&times;T hidden-state gradient map G[t][s] as a zoomable heatmap: input step s across,
 * hidden state t down (cell (t, s) centred on integer coordinates), a logarithmic colour scale with
 * a legend that shows the map's own colours ({@link LogColorLegend}), axes that keep every zoom and
 * pan within the cells and name the tokens when at most {@value TokenAxis#MAX_LABELLED} steps are
 * visible ({@link TokenAxis}), crosshairs and a read-out of the cell under the mouse
 * ("t = 17 ‘movie’, s = 3 ‘the’, G[t][s] = …", cleared when another map is shown), and the
 * selected row outlined. The map is rendered once into a {@link MapPyramid}; the exact values stay
 * in the result for read-outs and clicks. Call only on the FX thread.
 */
public final class HiddenMapChart extends ChartViewer {

  /** The colour scale spans at most this many decades below the largest value. */
  static final double DECADES = 8;

  private final XYPlot plot;
  private final TokenAxis inputAxis = new TokenAxis("input step s", true);
  private final TokenAxis hiddenAxis = new TokenAxis("hidden state t", false);
  private final MapImageAnnotation image = new MapImageAnnotation();
  private final JFreeChart chart;
  private final Tooltip tooltip = new Tooltip();
  private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "readout", "");
  private IntervalMarker rowMarker;
  private PaintScaleLegend legend;
  private HiddenStateGradientMap result;
  private MapPyramid pyramid;
  private IntConsumer onRowClicked = t -> { };
  private boolean tooltipInstalled;

  /** Creates an empty map. */
  public HiddenMapChart() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, false);
    renderer.addAnnotation(image, Layer.BACKGROUND);
    hiddenAxis.setInverted(true);
    for (NumberAxis axis : new NumberAxis[] {inputAxis, hiddenAxis}) {
      axis.setAutoRange(false);
      axis.setRange(0, 1);
    }
    plot = new XYPlot(new XYSeriesCollection(), inputAxis, hiddenAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setDomainCrosshairLockedOnData(false);
    plot.setRangeCrosshairLockedOnData(false);
    plot.setDomainCrosshairPaint(new Color(0, 0, 0, 140));
    plot.setRangeCrosshairPaint(new Color(0, 0, 0, 140));
    plot.setDomainPannable(true);
    plot.setRangePannable(true);
    plot.setNoDataMessage(null);
    chart = new JFreeChart("Hidden-state gradients G[t][s]", JFreeChart.DEFAULT_TITLE_FONT, plot,
        false);
    setChart(chart);
    setId("hidden-map");
    getCanvas().setTooltipEnabled(false);
    tooltip.setShowDelay(Duration.millis(150));
    tooltip.setHideDelay(Duration.ZERO);
    getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
    getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.isStillSincePress()) {
        cellAt(e.getX(), e.getY()).ifPresent(cell -> onRowClicked.accept(cell[0]));
      }
    });
    setPrefSize(520, 480);
  }

  /** @param action receives row t when a cell of row t is clicked */
  public void setOnRowClicked(IntConsumer action) {
    onRowClicked = action;
  }

  /**
   * A map rendered for display: its image pyramid, log colour bounds and the tokens' axis labels.
   * Building one costs about T² colour look-ups, so for long documents it is built off the FX
   * thread; it touches no node.
   *
   * @param result the map's values
   * @param pyramid the rendered images
   * @param bounds lower and upper bound of the log colour scale
   * @param labels the axis label of each step (the token, marked when out of vocabulary)
   */
  public record Rendered(HiddenStateGradientMap result, MapPyramid pyramid, double[] bounds,
      List<String> labels) {

    /** Renders {@code r} with its tokens as labels (safe off the FX thread). */
    public static Rendered of(HiddenStateGradientMap r) {
      return of(r, r.tokens());
    }

    /** Renders {@code r} with these axis labels, one per step (safe off the FX thread). */
    public static Rendered of(HiddenStateGradientMap r, List<String> labels) {
      if (labels.size() != r.steps()) {
        throw new IllegalArgumentException(labels.size() + " labels for " + r.steps() + " steps");
      }
      double[] bounds = logBounds(r);
      return new Rendered(r, MapPyramid.of(r.map(), SequentialColorScale.log(bounds[0],
          bounds[1])), bounds, List.copyOf(labels));
    }

    /** @return the colour legend of this map: the map's colours at log-spaced values */
    public PaintScaleLegend legend() {
      return LogColorLegend.of(SequentialColorScale.log(bounds[0], bounds[1]), bounds[0],
          bounds[1]);
    }
  }

  /** Renders and shows a map on the FX thread (short maps, tests); null clears. */
  public void setResult(HiddenStateGradientMap r) {
    show(r == null ? null : Rendered.of(r));
  }

  /** Shows a rendered map and resets the zoom; null clears. */
  public void show(Rendered rendered) {
    result = rendered == null ? null : rendered.result();
    setSelectedRow(-1);
    clearReadout();
    if (legend != null) {
      chart.removeSubtitle(legend);
      legend = null;
    }
    if (rendered == null) {
      pyramid = null;
      image.setPyramid(null);
      inputAxis.setTokens(List.of());
      hiddenAxis.setTokens(List.of());
      inputAxis.setRange(0, 1);
      hiddenAxis.setRange(0, 1);
      return;
    }
    double[] bounds = rendered.bounds();
    pyramid = rendered.pyramid();
    int n = result.steps();
    chart.setNotify(false);
    org.jfree.data.Range all = new org.jfree.data.Range(-0.5, n - 0.5);
    inputAxis.setTokens(rendered.labels());
    hiddenAxis.setTokens(rendered.labels());
    inputAxis.setRange(all);
    hiddenAxis.setRange(all);
    legend = rendered.legend();
    chart.addSubtitle(legend);
    image.setPyramid(pyramid);
    chart.setNotify(true);
  }

  /**
   * The bounds of a log scale fitted to the map's positive values, spanning at most {@link #DECADES} decades
   * below the largest; zeros (s &gt; t in a causal layer) and smaller values take the lowest
   * colour.
   */
  static double[] logBounds(HiddenStateGradientMap r) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int t = 0; t < r.steps(); t++) {
      for (int s = 0; s < r.steps(); s++) {
        double v = r.at(t, s);
        if (Double.isFinite(v) && v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi == 0) {
      return new double[] {1, 1};
    }
    return new double[] {Math.max(lo, hi * Math.pow(10, -DECADES)), hi};
  }

  /** Outlines row t (−1: none). */
  public void setSelectedRow(int t) {
    if (rowMarker != null) {
      plot.removeRangeMarker(rowMarker, Layer.FOREGROUND);
      rowMarker = null;
    }
    if (result != null && t >= 0 && t < result.steps()) {
      rowMarker = new IntervalMarker(t - 0.5, t + 0.5);
      rowMarker.setPaint(new Color(0, 0, 0, 0));
      rowMarker.setOutlinePaint(new Color(0xE6, 0x55, 0x0D));
      rowMarker.setOutlineStroke(new BasicStroke(2f));
      plot.addRangeMarker(0, rowMarker, Layer.FOREGROUND);
    }
  }

  /**
   * @param x canvas x
   * @param y canvas y
   * @return {t, s} of the cell under the point, empty outside the map
   */
  public Optional<int[]> cellAt(double x, double y) {
    if (result == null || getCanvas().getRenderingInfo() == null) {
      return Optional.empty();
    }
    Rectangle2D area = getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    if (!area.contains(x, y)) {
      return Optional.empty();
    }
    int s = (int) Math.floor(inputAxis.java2DToValue(x, area, plot.getDomainAxisEdge()) + 0.5);
    int t = (int) Math.floor(hiddenAxis.java2DToValue(y, area, plot.getRangeAxisEdge()) + 0.5);
    if (s < 0 || t < 0 || s >= result.steps() || t >= result.steps()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {t, s});
  }

  /** @return canvas coordinates of the centre of cell (t, s), for tests */
  public double[] cellCentre(int t, int s) {
    Rectangle2D area = getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    return new double[] {
        inputAxis.valueToJava2D(s, area, plot.getDomainAxisEdge()),
        hiddenAxis.valueToJava2D(t, area, plot.getRangeAxisEdge())};
  }

  /** @return the read-out of cell (t, s): "t = 17 ‘movie’, s = 3 ‘the’, G[t][s] = …" */
  public String cellText(int t, int s) {
    return describe(result, t, s);
  }

  /** @return the read-out of cell (t, s) of {@code r} */
  static String describe(HiddenStateGradientMap r, int t, int s) {
    return String.format(Locale.ROOT, "t = %d \u2018%s\u2019, s = %d \u2018%s\u2019, G[t][s] = %.4g",
        t, r.tokens().get(t), s, r.tokens().get(s), r.at(t, s));
  }

  private void hovered(MouseEvent e) {
    Optional<int[]> cell = cellAt(e.getX(), e.getY());
    if (cell.isEmpty()) {
      clearReadout();
      return;
    }
    int t = cell.get()[0];
    int s = cell.get()[1];
    plot.setDomainCrosshairValue(s, false);
    plot.setRangeCrosshairValue(t, false);
    plot.setDomainCrosshairVisible(true);
    plot.setRangeCrosshairVisible(true);
    String text = cellText(t, s);
    hover.set(text);
    tooltip.setText(text.replace(", ", "\n"));
    if (!tooltipInstalled) {
      // Only over cells: an empty tooltip elsewhere would show an empty box.
      Tooltip.install(getCanvas(), tooltip);
      tooltipInstalled = true;
    }
  }

  /** Hides the crosshairs and empties the read-out (outside the map, or a new map). */
  private void clearReadout() {
    plot.setDomainCrosshairVisible(false);
    plot.setRangeCrosshairVisible(false);
    hover.set("");
    if (tooltipInstalled) {
      Tooltip.uninstall(getCanvas(), tooltip);
      tooltipInstalled = false;
    }
  }

  /** @return the read-out of the cell under the mouse, empty outside the map */
  public ReadOnlyStringProperty readoutProperty() {
    return hover.getReadOnlyProperty();
  }

  /** @return the rendered map (null without a map), for tests and diagnostics */
  public java.awt.image.BufferedImage mapImage() {
    return pyramid == null ? null : pyramid.level(0);
  }

  /** @return the shown result */
  public HiddenStateGradientMap result() {
    return result;
  }

  /** @return the chart, for export */
  public JFreeChart chart() {
    return chart;
  }

  /** @return the input-step axis s (across) */
  TokenAxis inputAxis() {
    return inputAxis;
  }

  /** @return the hidden-state axis t (down) */
  TokenAxis hiddenAxis() {
    return hiddenAxis;
  }

  /** @return the colour legend, null without a map */
  PaintScaleLegend legend() {
    return legend;
  }

  /** @return the plot */
  public XYPlot plot() {
    return plot;
  }
}
