package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.app.color.SequentialColorScale;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The drawn map puts each cell's colour at the cell's place on the axes, zoomed out or in. */
class MapImageAnnotationTest {

  private static final int N = 40;
  private final double[][] map = new double[N][N];
  private final SequentialColorScale scale = SequentialColorScale.log(1e-3, 1);
  private final MapPyramid pyramid;
  private final NumberAxis s = new NumberAxis("s");
  private final NumberAxis t = new NumberAxis("t");
  private final JFreeChart chart;

  MapImageAnnotationTest() {
    for (int i = 0; i < N; i++) {
      for (int j = 0; j <= i; j++) {
        map[i][j] = Math.pow(10, -3.0 * ((i * 7 + j * 13) % 17) / 16); // varied, no pooling
      }
    }
    pyramid = MapPyramid.of(map, scale);
    MapImageAnnotation annotation = new MapImageAnnotation();
    annotation.setPyramid(pyramid);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, false);
    renderer.addAnnotation(annotation, Layer.BACKGROUND);
    t.setInverted(true);
    XYPlot plot = new XYPlot(new XYSeriesCollection(), s, t, renderer);
    plot.setNoDataMessage(null);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
  }

  private void assertCellsAtTheirPlaces(int from, int to) {
    BufferedImage image = new BufferedImage(2 * 420, 2 * 420, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.draw(g, new Rectangle2D.Double(0, 0, 840, 840), info);
    g.dispose();
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();
    for (int row = from; row < to; row++) {
      for (int col = from; col < to; col++) {
        int x = (int) s.valueToJava2D(col, area, plot.getDomainAxisEdge());
        int y = (int) t.valueToJava2D(row, area, plot.getRangeAxisEdge());
        assertEquals(scale.color(map[row][col]).toArgb(), image.getRGB(x, y),
            "cell t = " + row + ", s = " + col);
      }
    }
  }

  @Test
  void theWholeMapShowsEveryCellWhereItsTicksAre() {
    s.setRange(-0.5, N - 0.5);
    t.setRange(-0.5, N - 0.5);
    assertCellsAtTheirPlaces(0, N);
  }

  @Test
  void aZoomedWindowShowsItsCellsAtTheirPlaces() {
    s.setRange(9.5, 20.5);
    t.setRange(9.5, 20.5);
    assertCellsAtTheirPlaces(10, 21);
  }
}
