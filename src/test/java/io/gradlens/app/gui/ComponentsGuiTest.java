package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.chart.ProbabilityBarChart;
import io.gradlens.app.chart.TrainingCurvesChart;
import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.heatmap.ImageHeatmapView;
import io.gradlens.app.heatmap.TokenHeatmapView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Reusable components in isolation. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ComponentsGuiTest {

  // Controls are created in @Start: the FX toolkit is not running when the test is constructed.
  private TokenHeatmapView tokens;
  private ImageHeatmapView image;
  private ProbabilityBarChart probabilities;
  private TrainingCurvesChart curves;
  private final List<String> clicked = new ArrayList<>();

  @Start
  void start(Stage stage) {
    tokens = new TokenHeatmapView();
    image = new ImageHeatmapView();
    probabilities = new ProbabilityBarChart();
    curves = new TrainingCurvesChart();
    tokens.setId("tokens");
    tokens.setTokens(List.of("<i>not</i>", "_good_", "%s", "bad"),
        new double[] {-2, 0, Double.NaN, 1}, DivergingColorScale.fitting(
            new double[] {-2, 0, Double.NaN, 1}));
    tokens.setOnTokenClicked((i, t) -> clicked.add(i + ":" + t));
    image.setImage(new double[][] {{0, 0.5, 1}, {1, 0.5, 0}},
        new double[][] {{1, 0, -1}, {0.5, Double.NaN, 0}},
        DivergingColorScale.withHalfRange(1), 8);
    probabilities.setProbabilities(List.of("neg", "neu", "pos"), new double[] {0.1, 0.2, 0.7}, 2);
    curves.addEpoch(1, 0.9, 0.6, 1.0, 0.55);
    curves.addEpoch(2, 0.5, 0.8, Double.NaN, Double.NaN);
    for (int b = 0; b < 10; b++) {
      curves.addBatch(b / 10.0, 1.0 / (b + 1));
    }
    stage.setScene(new Scene(new VBox(tokens, image, probabilities, curves), 900, 700));
    stage.show();
  }

  @Test
  void tokensAreLiteralColouredAndClickable(FxRobot robot) {
    List<Label> labels = Fx.get(() -> robot.lookup("#tokens .token").queryAllAs(Label.class)
        .stream().toList());
    assertEquals(List.of("<i>not</i>", "_good_", "%s", "bad"),
        Fx.get(() -> labels.stream().map(Label::getText).toList()));
    Background negative = Fx.get(() -> labels.get(0).getBackground());
    assertEquals(Color.color(DivergingColorScale.NEGATIVE.red(),
        DivergingColorScale.NEGATIVE.green(), DivergingColorScale.NEGATIVE.blue()),
        negative.getFills().get(0).getFill());
    assertEquals(Color.WHITE, Fx.get(() -> labels.get(1).getBackground()).getFills().get(0)
        .getFill());
    assertTrue(Fx.get(() -> labels.get(2).getTooltip().getText()).contains("NaN"));
    assertTrue(Fx.get(() -> labels.get(0).getTooltip().getText()).contains("-2.00000"));
    robot.clickOn(labels.get(3));
    assertEquals(List.of("3:bad"), clicked);
    assertEquals("+2.00", Fx.get(() -> tokens.legend().highText()));
  }

  @Test
  void imageHeatmapIsScaledNearestNeighbour() {
    WritableImage heat = Fx.get(image::heatmapImage);
    assertEquals(24, (int) heat.getWidth());
    assertEquals(16, (int) heat.getHeight());
    int red = DivergingColorScale.POSITIVE.toArgb();
    assertEquals(red, heat.getPixelReader().getArgb(0, 0));
    assertEquals(red, heat.getPixelReader().getArgb(7, 7));
    assertEquals(-1, heat.getPixelReader().getArgb(8, 0), "zero is white");
  }

  @Test
  void chartsHoldTheirData() {
    assertEquals(3, (int) Fx.get(probabilities::barCount));
    assertEquals(2, (int) Fx.get(curves::epochCount));
    assertEquals(10, (int) Fx.get(curves::batchCount));
  }

  @Test
  void longRunsArePlottedDownsampled() {
    TrainingCurvesChart chart = Fx.get(TrainingCurvesChart::new);
    Fx.get(() -> {
      for (int b = 1; b <= 5000; b++) {
        chart.addBatch(b / 5000.0, 1.0);
      }
      return null;
    });
    int points = Fx.get(chart::batchCount);
    assertTrue(points <= TrainingCurvesChart.BATCH_POINTS_PER_EPOCH + 1, "points: " + points);
    assertTrue(points >= TrainingCurvesChart.BATCH_POINTS_PER_EPOCH / 2, "points: " + points);
  }

  @Test
  void exportsNodesAndCharts() throws Exception {
    Path dir = Files.createTempDirectory("gradlens-export");
    Path png = dir.resolve("image.png");
    Fx.get(() -> {
      ChartExporter.writePng(image, png);
      return null;
    });
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(Math.round(Fx.get(() -> image.getLayoutBounds().getWidth())), img.getWidth());
    Path svg = dir.resolve("image.svg");
    ChartExporter.writeSvg(image, svg);
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"));
    assertTrue(text.contains("<rect"));
    // The image heatmap's SVG carries its legend: the gradient bar and the range it spans.
    assertTrue(text.contains("<linearGradient") && text.contains("fill:url(#"), "legend bar");
    assertTrue(text.contains(Fx.get(() -> image.legend().rangeText())), "legend range");
    Path curvesPng = dir.resolve("curves.png");
    ChartExporter.writePng(curves.chart(), 640, 360, curvesPng);
    assertEquals(640, ImageIO.read(curvesPng.toFile()).getWidth());
    Path curvesSvg = dir.resolve("curves.svg");
    ChartExporter.writeSvg(curves.chart(), 640, 360, curvesSvg);
    assertTrue(Files.readString(curvesSvg).contains("val loss"));
  }
}
