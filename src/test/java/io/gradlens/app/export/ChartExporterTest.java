package io.gradlens.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart export without the FX toolkit (JFreeChart renders through Java2D). */
class ChartExporterTest {

  @TempDir
  Path dir;

  private static JFreeChart chart() {
    XYSeries s = new XYSeries("loss");
    s.add(1, 0.9);
    s.add(2, 0.5);
    return ChartFactory.createXYLineChart("t", "epoch", "loss", new XYSeriesCollection(s));
  }

  @Test
  void pngHasRequestedSize() throws IOException {
    Path f = dir.resolve("chart.png");
    ChartExporter.writePng(chart(), 320, 200, f);
    BufferedImage img = ImageIO.read(f.toFile());
    assertEquals(320, img.getWidth());
    assertEquals(200, img.getHeight());
  }

  @Test
  void svgIsAnSvgDocument() throws IOException {
    Path f = dir.resolve("chart.svg");
    ChartExporter.writeSvg(chart(), 320, 200, f);
    String svg = Files.readString(f);
    assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
    assertTrue(svg.contains("width='320.0'"), "svg width attribute");
  }

  @Test
  void drawableSvg() throws IOException {
    Path f = dir.resolve("cells.svg");
    ChartExporter.writeSvg(new SvgDrawable() {
      @Override
      public double svgWidth() {
        return 20;
      }

      @Override
      public double svgHeight() {
        return 10;
      }

      @Override
      public void drawSvg(Graphics2D g) {
        g.setColor(Color.RED);
        g.fillRect(0, 0, 10, 10);
      }
    }, f);
    String svg = Files.readString(f);
    assertTrue(svg.contains("<svg"));
    assertTrue(svg.contains("<rect"));
  }
}
