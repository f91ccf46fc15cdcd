package io.gradlens.app.export;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** PNG and SVG export of JFreeCharts, node snapshots and {@link SvgDrawable}s; all atomic. */
public final class ChartExporter {

  private ChartExporter() {
  }

  /** Renders a chart to a PNG of the given size. Safe off the FX thread. */
  public static void writePng(JFreeChart chart, int width, int height, Path target)
      throws IOException {
    AtomicFileWriter.write(target, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
  }

  /** Renders a chart to an SVG of the given size. Safe off the FX thread. */
  public static void writeSvg(JFreeChart chart, int width, int height, Path target)
      throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    writeText(g.getSVGDocument(), target);
  }

  /** Draws a {@link SvgDrawable} to an SVG document. */
  public static void writeSvg(SvgDrawable drawable, Path target) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(Math.max(1, drawable.svgWidth()),
        Math.max(1, drawable.svgHeight()));
    drawable.drawSvg(g);
    writeText(g.getSVGDocument(), target);
  }

  /**
   * Snapshots a node to PNG. Must be called on the FX thread.
   *
   * @throws IOException when encoding or writing fails
   */
  public static void writePng(Node node, Path target) throws IOException {
    WritableImage image = node.snapshot(new SnapshotParameters(), null);
    BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
    // PNG has no use for a premultiplied alpha layout; convert to plain ARGB.
    BufferedImage argb = new BufferedImage(buffered.getWidth(), buffered.getHeight(),
        BufferedImage.TYPE_INT_ARGB);
    argb.getGraphics().drawImage(buffered, 0, 0, null);
    AtomicFileWriter.write(target, out -> {
      if (!ImageIO.write(argb, "png", out)) {
        throw new IOException("No PNG writer available");
      }
    });
  }

  private static void writeText(String text, Path target) throws IOException {
    AtomicFileWriter.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
