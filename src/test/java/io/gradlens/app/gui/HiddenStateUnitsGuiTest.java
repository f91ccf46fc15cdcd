package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FakeHiddenStateService;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.hidden.HiddenMapChart;
import io.gradlens.app.hidden.HiddenStateView;
import io.gradlens.app.hidden.HiddenStateViewModel;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.explain.HiddenStateGradientMap;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Hidden state tab against fake services, driven by the robot: a typed sentence is mapped
 * with token labels on the axes, OOV marks and its prediction; wheel zoom stays within the map;
 * two chosen units give two curves; switching documents leaves nothing of the old one.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class HiddenStateUnitsGuiTest {

  private FakeWorkspaceService workspace;
  private final FakeHiddenStateService hidden = new FakeHiddenStateService();
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    workspace = new FakeWorkspaceService();
    window = new MainWindow(new AppServices(workspace, new FakeTextSaliencyService(),
        new FakeTrainingService(0, workspace)).withHiddenState(hidden),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(),
        new FixedFilePrompt());
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private HiddenStateViewModel model() {
    return window.hiddenStateModel();
  }

  /** Selects the tiny dataset's first example and shows the Hidden state tab. */
  private HiddenStateView openTab(FxRobot robot) {
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.MODEL));
    Fx.waitUntil(5, "model current", () -> window.workbench().currentModelProperty().get() != null);
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.TINY));
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    Fx.waitUntil(5, "examples loaded", () -> table.getItems().size() == 6);
    robot.interact(() -> table.getSelectionModel().select(0));
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals("Hidden state")).findFirst().orElseThrow()));
    robot.interact(stage::toFront);
    HiddenStateView view = robot.lookup("#hidden-state-view").queryAs(HiddenStateView.class);
    waitForMap(view, FakeTextSaliencyService.tokenize(Fx.get(() ->
        window.workbench().currentExampleProperty().get().text())));
    return view;
  }

  private void waitForMap(HiddenStateView view, List<String> tokens) {
    Fx.waitUntil(10, "map of " + tokens, () -> {
      HiddenStateGradientMap r = model().resultProperty().get();
      return r != null && r.tokens().equals(tokens) && !model().busyProperty().get()
          && view.mapChart().result() == r;
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void typeAndEnter(FxRobot robot, String text) {
    robot.clickOn("#hidden-whatif-text");
    robot.push(KeyCode.CONTROL, KeyCode.A);
    robot.write(text);
    robot.type(KeyCode.ENTER);
  }

  /** The tick labels the axis draws at steps 0..n−1 (empty when it shows indices). */
  private static List<String> tickLabels(NumberAxis axis, int n) {
    List<String> labels = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      labels.add(axis.getTickUnit().valueToString(t));
    }
    return labels;
  }

  private static void assertWithinMap(ValueAxis axis, int n, String which) {
    Range r = axis.getRange();
    assertTrue(r.getLowerBound() >= -0.5 - 1e-9 && r.getUpperBound() <= n - 0.5 + 1e-9,
        which + " shows " + r + ", outside the cells 0.." + (n - 1));
    assertTrue(r.getLength() >= 1 - 1e-9, which + " narrower than one cell: " + r);
  }

  private void hover(FxRobot robot, HiddenMapChart chart, int t, int s) {
    double[] c = Fx.get(() -> chart.cellCentre(t, s));
    Point2D p = Fx.get(() -> chart.getCanvas().localToScreen(c[0], c[1]));
    robot.moveTo(p);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aTypedSentenceIsMappedWithItsTokensOnTheAxesAndItsPrediction(FxRobot robot) {
    HiddenStateView view = openTab(robot);
    typeAndEnter(robot, "zqfoo was fun");
    waitForMap(view, List.of("zqfoo", "was", "fun"));
    HiddenMapChart chart = view.mapChart();
    // three steps are few: every axis tick is its token, the unknown one starred
    List<String> expected = List.of("zqfoo*", "was", "fun");
    assertEquals(expected, Fx.get(() -> tickLabels((NumberAxis) chart.plot().getDomainAxis(), 3)));
    assertEquals(expected, Fx.get(() -> tickLabels((NumberAxis) chart.plot().getRangeAxis(), 3)));
    assertEquals(expected, Fx.get(() -> tickLabels(
        (NumberAxis) view.curveChart().plot().getDomainAxis(), 3)));
    // three tokens, odd: the fake predicts "negative" with p = 0.6
    String prediction = Fx.get(() -> robot.lookup("#hidden-prediction").queryAs(Label.class)
        .getText());
    assertTrue(prediction.startsWith("Predicts \u201cnegative\u201d (p = 0.600)"), prediction);
    assertTrue(prediction.contains("not in the model's vocabulary: zqfoo"), prediction);
    // the map's cells are the fake's values, G[2][1] = len("was") · 2
    assertEquals(FakeHiddenStateService.value(List.of("zqfoo", "was", "fun"), 2, 1),
        Fx.get(() -> model().resultProperty().get().at(2, 1)));
    hover(robot, chart, 2, 0);
    String readout = Fx.get(() -> chart.readoutProperty().get());
    assertTrue(readout.startsWith("t = 2 \u2018fun\u2019, s = 0 \u2018zqfoo\u2019"), readout);

    // editing re-runs after the pause, without Enter
    robot.clickOn("#hidden-whatif-text");
    robot.type(KeyCode.END);
    robot.write(" indeed");
    waitForMap(view, List.of("zqfoo", "was", "fun", "indeed"));
    assertTrue(Fx.get(() -> robot.lookup("#hidden-prediction").queryAs(Label.class).getText())
        .startsWith("Predicts \u201cpositive\u201d (p = 0.900)"));
    assertEquals(List.of("zqfoo was fun"), Fx.get(() -> List.copyOf(model().typedHistory())));
  }

  @Test
  void wheelZoomStaysWithinTheMapAndLabelsTokensWhenFewAreVisible(FxRobot robot) {
    HiddenStateView view = openTab(robot);
    StringBuilder text = new StringBuilder();
    int n = 90;
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append("w").append(i);
    }
    typeAndEnter(robot, text.toString());
    List<String> tokens = FakeTextSaliencyService.tokenize(text.toString());
    waitForMap(view, tokens);
    HiddenMapChart chart = view.mapChart();
    ValueAxis s = chart.plot().getDomainAxis();
    ValueAxis t = chart.plot().getRangeAxis();
    assertEquals("1", Fx.get(() -> ((NumberAxis) s).getTickUnit().valueToString(1)),
        "90 visible steps: indices");
    // near the top-left corner, so zooming would otherwise run past step 0
    hover(robot, chart, 1, 1);
    for (int i = 0; i < 40; i++) {
      robot.scroll(1, javafx.geometry.VerticalDirection.UP);
      WaitForAsyncUtils.waitForFxEvents();
      assertWithinMap(s, n, "s axis");
      assertWithinMap(t, n, "t axis");
    }
    double zoomedIn = Fx.get(() -> s.getRange().getLength());
    assertTrue(zoomedIn <= 40, "zoomed in to " + zoomedIn + " steps");
    int first = (int) Math.ceil(Fx.get(() -> s.getRange().getLowerBound()));
    assertEquals(tokens.get(first), Fx.get(() -> ((NumberAxis) s).getTickUnit()
        .valueToString(first)), "few steps visible: the token");
    // Alt-drag pans; dragging the view far to the right stops at the last step
    int middle = (int) Math.round(Fx.get(() -> s.getRange().getCentralValue()));
    for (int i = 0; i < 6; i++) {
      // token labels are wider than indices and the view moves: grab a visible cell each time
      int centre = (int) Math.round(Fx.get(() -> s.getRange().getCentralValue()));
      hover(robot, chart, (int) Math.round(Fx.get(() -> t.getRange().getCentralValue())), centre);
      robot.press(KeyCode.ALT);
      robot.drag(MouseButton.PRIMARY).moveBy(-250, -250).release(MouseButton.PRIMARY);
      robot.release(KeyCode.ALT);
      WaitForAsyncUtils.waitForFxEvents();
      assertWithinMap(s, n, "s axis after a pan");
      assertWithinMap(t, n, "t axis after a pan");
    }
    assertTrue(Fx.get(() -> s.getRange().getLowerBound()) > middle, "the pan moved the view");
    assertEquals(n - 0.5, Fx.get(() -> s.getRange().getUpperBound()), 1e-9,
        "panned to the end of the map and no further");
    assertEquals(n - 0.5, Fx.get(() -> t.getRange().getUpperBound()), 1e-9);
    hover(robot, chart, (int) Math.round(Fx.get(() -> t.getRange().getCentralValue())),
        (int) Math.round(Fx.get(() -> s.getRange().getCentralValue())));
    for (int i = 0; i < 80; i++) {
      robot.scroll(1, javafx.geometry.VerticalDirection.DOWN);
      WaitForAsyncUtils.waitForFxEvents();
      assertWithinMap(s, n, "s axis");
      assertWithinMap(t, n, "t axis");
    }
    assertEquals(new Range(-0.5, n - 0.5), Fx.get(s::getRange), "zoomed out to the full map");
    assertEquals(new Range(-0.5, n - 0.5), Fx.get(t::getRange), "zoomed out to the full map");
  }

  @Test
  void twoChosenUnitsGiveTwoCurvesAndTheMapFollowsTheFirst(FxRobot robot) {
    HiddenStateView view = openTab(robot);
    robot.clickOn("#hidden-units-choice");
    robot.clickOn("Chosen units");
    robot.clickOn("#hidden-units");
    robot.push(KeyCode.CONTROL, KeyCode.A);
    robot.write("3, 5");
    robot.type(KeyCode.ENTER);
    Fx.waitUntil(10, "unit map", () -> model().resultProperty().get() != null
        && model().resultProperty().get().reduction().equals("unit:3")
        && !model().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    XYSeriesCollection lines = view.curveChart().lines();
    assertEquals(List.of("unit 3", "unit 5"), Fx.get(() -> List.of(lines.getSeriesKey(0),
        lines.getSeriesKey(1))));
    assertEquals(2, Fx.get(lines::getSeriesCount));
    assertEquals(2, Fx.get(() -> view.hiddenChart().lines().getSeriesCount()));
    // the fake's unit u has curve (u + 1)·c[t] of the mean's map
    String example = Fx.get(() -> window.workbench().currentExampleProperty().get().text());
    List<String> tokens = FakeTextSaliencyService.tokenize(example);
    for (int k = 0; k < tokens.size(); k++) {
      double sq = 0;
      for (int s = 0; s <= k; s++) {
        sq += Math.pow(FakeHiddenStateService.value(tokens, k, s), 2);
      }
      int step = k;
      assertEquals(4 * Math.sqrt(sq), Fx.get(() -> lines.getSeries(0).getY(step).doubleValue()),
          1e-12);
      assertEquals(6 * Math.sqrt(sq), Fx.get(() -> lines.getSeries(1).getY(step).doubleValue()),
          1e-12);
    }
    // top k by gradient: the fake ranks unit 0 first; k = 5 gives five curves
    robot.clickOn("#hidden-units-choice");
    robot.clickOn("Top k units by gradient");
    Fx.waitUntil(10, "top units", () -> model().resultProperty().get() != null
        && model().resultProperty().get().reduction().equals("unit:0")
        && !model().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(5, Fx.get(lines::getSeriesCount));
  }

  @Test
  void switchingDocumentsLeavesNoReadoutOfTheOldOne(FxRobot robot) {
    HiddenStateView view = openTab(robot);
    HiddenMapChart chart = view.mapChart();
    hover(robot, chart, 4, 1);
    String before = Fx.get(() -> chart.readoutProperty().get());
    assertTrue(before.contains("\u2018film\u2019") && before.contains("\u2018great\u2019"), before);
    // the Data tab's second example, clicked
    robot.interact(() -> window.tabs().getSelectionModel().select(0));
    robot.clickOn("dull , predictable plot");
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals("Hidden state")).findFirst().orElseThrow()));
    waitForMap(view, List.of("dull", ",", "predictable", "plot"));
    String after = Fx.get(() -> chart.readoutProperty().get());
    assertFalse(after.contains("film") || after.contains("great"), after);
    assertEquals(List.of("dull", ",", "predictable", "plot"),
        Fx.get(() -> tickLabels((NumberAxis) chart.plot().getDomainAxis(), 4)));
    List<Double> curve = Fx.get(() -> {
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < view.curveChart().lines().getSeries(0).getItemCount(); i++) {
        ys.add(view.curveChart().lines().getSeries(0).getY(i).doubleValue());
      }
      return ys;
    });
    assertEquals(4, curve.size(), "the curve is the new document's");
    assertArrayEquals(model().resultProperty().get().curve(),
        curve.stream().mapToDouble(Double::doubleValue).toArray(), 0);
  }
}
