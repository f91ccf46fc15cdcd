package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.core.CoreServices;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.hidden.DatasetCurves;
import io.gradlens.app.hidden.HiddenStateView;
import io.gradlens.app.hidden.HiddenStateViewModel;
import io.gradlens.app.service.Example;
import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Hidden state tab on the REAL core, headless: the shipped sentiment LSTM on the default
 * example of {@code sentences}. The numbers on screen are checked against the core's
 * {@link HiddenStateGradients} run on the same text.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class HiddenStateGuiTest extends AnalysisGuiTestBase {

  private static final int SLOW = 120;
  private static final double TOLERANCE = 1e-6;
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));

  @Override
  CoreWorkspace workspace() {
    return WORKSPACE;
  }

  @Override
  AppServices services(CoreWorkspace workspace) {
    return CoreServices.of(workspace);
  }

  @Start
  void start(Stage stage) throws IOException {
    WORKSPACE.selectModel(WORKSPACE.entry(GradLensApp.START_MODEL).orElseThrow());
    show(stage);
  }

  private HiddenStateViewModel model() {
    return window.hiddenStateModel();
  }

  /** Opens the defaults, shows the tab and waits for the first example's map. */
  private HiddenStateView openTab(FxRobot robot) {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "example selected", () -> {
      Example e = window.workbench().currentExampleProperty().get();
      return e != null && e.hasPrediction();
    });
    showTab(robot);
    Fx.waitUntil(SLOW, "map computed", () -> model().resultProperty().get() != null
        && !model().busyProperty().get());
    HiddenStateView view = robot.lookup("#hidden-state-view").queryAs(HiddenStateView.class);
    Fx.waitUntil(SLOW, "map rendered", () ->
        view.mapChart().result() == model().resultProperty().get());
    return view;
  }

  private void showTab(FxRobot robot) {
    showTab(robot, "Hidden state");
  }

  private String exampleText() {
    return Fx.get(() -> window.workbench().currentExampleProperty().get().text());
  }

  private static HiddenStateGradientMap core(String text) throws IOException {
    return HiddenStateGradients.defaults().attribute(WORKSPACE.currentModel(), text,
        ProgressListener.NONE, CancellationToken.NONE);
  }

  /** Top-k columns of a row by sorting, independent of the app's ranking code. */
  private static List<Integer> topBySorting(double[] row, int k) {
    return IntStream.range(0, row.length).filter(s -> row[s] > 0).boxed()
        .sorted(Comparator.comparingDouble((Integer s) -> row[s]).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .limit(k).toList();
  }

  @Test
  void curvesAndMapOfTheShippedLstmEqualTheCore(FxRobot robot) throws IOException {
    HiddenStateView view = openTab(robot);
    HiddenStateGradientMap expected = core(exampleText());
    int n = expected.steps();
    HiddenStateGradientMap shown = Fx.get(() -> model().resultProperty().get());
    assertEquals(expected.tokens(), shown.tokens());
    assertTrue(n > 3, "the default example has " + n + " tokens");
    // The charts hold T points each, equal to the core's curve and r(h_t).
    XYSeries curve = Fx.get(() -> view.curveChart().lines().getSeries(0));
    XYSeries hidden = Fx.get(() -> view.hiddenChart().lines().getSeries(0));
    assertEquals(n, curve.getItemCount());
    assertEquals(n, hidden.getItemCount());
    double[] c = expected.curve();
    double[] h = expected.hidden();
    for (int t = 0; t < n; t++) {
      double y = curve.getY(t).doubleValue();
      assertTrue(Double.isFinite(y) && y > 0, "c[" + t + "] = " + y);
      assertEquals(c[t], y, TOLERANCE * c[t], "c[" + t + "]");
      assertEquals(h[t], hidden.getY(t).doubleValue(), TOLERANCE * Math.max(1, Math.abs(h[t])));
    }
    // The map is T×T, drawn as a T×T image, and its values are the core's.
    assertEquals(n, (int) Fx.get(() -> view.mapChart().mapImage().getWidth()));
    assertEquals(n, (int) Fx.get(() -> view.mapChart().mapImage().getHeight()));
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < n; s++) {
        double v = shown.at(t, s);
        assertTrue(Double.isFinite(v));
        assertEquals(expected.at(t, s), v, TOLERANCE * Math.max(1e-12, expected.at(t, s)),
            "G[" + t + "][" + s + "]");
        if (s > t) {
          assertEquals(0, v, "causal LSTM: G[" + t + "][" + s + "]");
        }
      }
    }
    String tip = Fx.get(() -> view.mapChart().cellText(n - 1, 0));
    assertTrue(tip.startsWith("t = " + (n - 1)) && tip.contains("s = 0")
        && tip.contains(expected.tokens().get(0)), tip);
  }

  @Test
  void clickingARowHighlightsItsTopKTokens(FxRobot robot) throws IOException {
    HiddenStateView view = openTab(robot);
    HiddenStateGradientMap expected = core(exampleText());
    int n = expected.steps();
    int t = n - 1;
    int k = Fx.get(() -> model().topKProperty().get());
    double[] centre = Fx.get(() -> view.mapChart().cellCentre(t, 0));
    Point2D screen = Fx.get(() -> view.mapChart().getCanvas().localToScreen(centre[0], centre[1]));
    robot.clickOn(screen);
    Fx.waitUntil(10, "row selected", () -> model().selectedRowProperty().get() == t);
    List<Integer> expectedTop = topBySorting(expected.map()[t], k);
    assertEquals(expectedTop, Fx.get(() -> model().highlightedProperty().get()));
    double[] strip = Fx.get(() -> view.tokenStrip().scores());
    List<Integer> lit = new ArrayList<>();
    for (int s = 0; s < strip.length; s++) {
      if (strip[s] != 0) {
        lit.add(s);
      }
    }
    assertEquals(expectedTop.stream().sorted().toList(), lit);
    String label = Fx.get(() -> robot.lookup("#hidden-row-label")
        .queryAs(javafx.scene.control.Label.class).getText());
    assertTrue(label.startsWith("Selected t = " + t), label);
    // A token click selects that row too.
    robot.interact(() -> model().selectedRowProperty().set(1));
    assertEquals(topBySorting(expected.map()[1], k),
        Fx.get(() -> model().highlightedProperty().get()));
  }

  @Test
  void theLogToggleSwitchesTheAxisAndExportsAreWritten(FxRobot robot) throws IOException {
    HiddenStateView view = openTab(robot);
    assertTrue(Fx.get(() -> view.curveChart().plot().getRangeAxis()) instanceof NumberAxis);
    robot.clickOn("#hidden-log");
    assertTrue(Fx.get(() -> view.curveChart().plot().getRangeAxis()) instanceof LogAxis);
    assertTrue(Fx.get(() -> view.curveChart().isLog()));
    robot.clickOn("#hidden-log");
    assertTrue(Fx.get(() -> view.curveChart().plot().getRangeAxis()) instanceof NumberAxis);
    int n = Fx.get(() -> model().resultProperty().get().steps());
    for (HiddenStateView.Target target : List.of(HiddenStateView.Target.MAP,
        HiddenStateView.Target.CURVE)) {
      robot.interact(() -> view.setExportTarget(target));
      Path png = dir.resolve(target + ".png");
      Path svg = dir.resolve(target + ".svg");
      Path csv = dir.resolve(target + ".csv");
      prompt.answer(png);
      robot.clickOn("#hidden-export-png");
      prompt.answer(svg);
      robot.clickOn("#hidden-export-svg");
      prompt.answer(csv);
      robot.clickOn("#hidden-export-csv");
      Fx.waitUntil(10, "files written", () -> Files.exists(png) && Files.exists(svg)
          && Files.exists(csv));
      assertNotNull(ImageIO.read(png.toFile()));
      assertTrue(Files.readString(svg).contains("<svg"));
      List<String> lines = Files.readAllLines(csv);
      assertEquals(n + 1, lines.size(), target + " CSV: header and one row per step");
    }
  }

  @Test
  void datasetModeAveragesASampleLikeTheCore(FxRobot robot) throws IOException {
    HiddenStateView view = openTab(robot);
    robot.interact(() -> model().sampleSizeProperty().set(4));
    robot.clickOn("#hidden-dataset");
    Fx.waitUntil(SLOW, "dataset curves", () -> model().datasetCurvesProperty().get() != null
        && !model().busyProperty().get());
    DatasetCurves d = Fx.get(() -> model().datasetCurvesProperty().get());
    assertEquals(4, d.sequences());
    List<String> texts = Fx.get(() -> window.dataModel().allExamples().stream()
        .map(Example::text).toList());
    List<HiddenStateGradientMap> maps = new ArrayList<>();
    for (String text : HiddenStateWorkflow.pick(texts, 4, HiddenStateViewModel.SAMPLE_SEED)) {
      maps.add(core(text));
    }
    HiddenStateCurves expected = HiddenStateCurves.average(maps);
    assertArrayEquals(expected.count(), d.gradient().count());
    double[] mean = d.gradient().mean();
    for (int t = 0; t < mean.length; t++) {
      assertEquals(expected.mean()[t], mean[t], TOLERANCE * expected.mean()[t]);
      assertTrue(d.gradient().low()[t] <= mean[t] + 1e-12 || d.gradient().count()[t] > 2);
    }
    assertEquals(1, (int) Fx.get(() -> view.curveChart().bands().getSeriesCount()));
    assertEquals(mean.length, (int) Fx.get(() -> view.curveChart().bands().getItemCount(0)));
  }

  @Test
  void aModelWithoutRecurrentLayerShowsAMessage(FxRobot robot) {
    openTab(robot);
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, "shipped:mnist-cnn"));
    Fx.waitUntil(SLOW, "CNN current", () -> window.workbench().currentModelProperty().get() != null
        && window.workbench().currentModelProperty().get().name().equals("mnist-cnn"));
    showTab(robot);
    Fx.waitUntil(SLOW, "message", () -> model().noRecurrentLayerProperty().get() != null
        && !model().busyProperty().get());
    var message = robot.lookup("#hidden-message").queryAs(javafx.scene.control.Label.class);
    assertTrue(Fx.get(message::isVisible));
    assertTrue(Fx.get(message::getText).contains("no recurrent layer"), Fx.get(message::getText));
    assertTrue(robot.lookup("#error-dialog").tryQuery().isEmpty(), "no error dialog");
  }
}
