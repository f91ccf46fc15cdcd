package io.gradlens.app.hidden;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Draws a {@link MapPyramid} under an XY plot: cell (t, s) is centred on (s, t), covering
 * [s − ½, s + ½) on the domain axis and [t − ½, t + ½) on the range axis, so integer ticks label
 * cells. Only the visible cells are drawn, from the pyramid level that
 * matches the zoom, so zooming and panning stay smooth for T in the thousands (feeding the cells
 * to an {@code XYBlockRenderer} would draw T² rectangles per frame).
 */
final class MapImageAnnotation extends AbstractXYAnnotation {

  private static final long serialVersionUID = 1L;

  private transient MapPyramid pyramid;

  /** @param pyramid the rendered map, or null for nothing */
  void setPyramid(MapPyramid pyramid) {
    this.pyramid = pyramid;
    fireAnnotationChanged();
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis,
      ValueAxis rangeAxis, int rendererIndex, PlotRenderingInfo info) {
    if (pyramid == null) {
      return;
    }
    int n = pyramid.steps();
    RectangleEdge xEdge = plot.getDomainAxisEdge();
    RectangleEdge yEdge = plot.getRangeAxisEdge();
    int s0 = clamp((int) Math.floor(domainAxis.getLowerBound() + 0.5), n);
    int s1 = clamp((int) Math.ceil(domainAxis.getUpperBound() + 0.5), n);
    int t0 = clamp((int) Math.floor(rangeAxis.getLowerBound() + 0.5), n);
    int t1 = clamp((int) Math.ceil(rangeAxis.getUpperBound() + 0.5), n);
    if (s1 <= s0 || t1 <= t0) {
      return;
    }
    double cellsPerPixel = Math.max((s1 - s0) / dataArea.getWidth(),
        (t1 - t0) / dataArea.getHeight());
    int level = pyramid.levelFor(cellsPerPixel);
    int f = 1 << level;
    BufferedImage image = pyramid.level(level);
    // Whole pooled pixels: widen the window to multiples of f (the last one may be partial).
    int px0 = s0 / f;
    int px1 = Math.min(image.getWidth(), (s1 + f - 1) / f);
    int py0 = t0 / f;
    int py1 = Math.min(image.getHeight(), (t1 + f - 1) / f);
    double xa = domainAxis.valueToJava2D(px0 * f - 0.5, dataArea, xEdge);
    double xb = domainAxis.valueToJava2D(Math.min(n, px1 * f) - 0.5, dataArea, xEdge);
    double ya = rangeAxis.valueToJava2D(py0 * f - 0.5, dataArea, yEdge);
    double yb = rangeAxis.valueToJava2D(Math.min(n, py1 * f) - 0.5, dataArea, yEdge);
    Shape clip = g2.getClip();
    Object interpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g2.clip(dataArea);
    g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    // Destination corners follow the axes (drawImage flips when a corner pair is reversed).
    g2.drawImage(image, (int) Math.round(xa), (int) Math.round(ya), (int) Math.round(xb),
        (int) Math.round(yb), px0, py0, px1, py1, null);
    if (interpolation != null) {
      g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
    }
    g2.setClip(clip);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n, v));
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
