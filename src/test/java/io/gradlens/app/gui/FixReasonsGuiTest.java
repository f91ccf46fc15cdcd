package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreDatasetEditService;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.heatmap.FxColors;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.train.DatasetPreparation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The fix-the-reasons loop on the REAL core, headless: a model trained on a tiny decoy dataset,
 * in mark mode a click marks its decoy word "must not matter" (kept in a temporary edits folder, beside the
 * dataset file), "Retrain with constraint…" presets the penalty, one epoch trains, and the
 * Saliency tab opens by itself comparing the two models while the Data tab shows the accuracy
 * change. Every step is a robot click or keystroke.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FixReasonsGuiTest {

  private static final int SLOW = 180;

  @TempDir
  Path dir;
  private MainWindow window;
  private Path editsDir;

  @Start
  void start(Stage stage) throws IOException {
    editsDir = Files.createTempDirectory("gradlens-fix-edits");
    CoreWorkspace workspace = new CoreWorkspace(Path.of("assets/models"), editsDir);
    Path home = Files.createTempDirectory("gradlens-home");
    window = new MainWindow(new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace,
            new DatasetPreparation.Options(2000, 1, 20, 0)))
        .withEdits(new CoreDatasetEditService(workspace)),
        new SettingsStore(home), new FxTaskRunner(), new FixedFilePrompt());
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** Clicks the header of the tab called {@code name}, as a user does. */
  private static void clickTab(FxRobot robot, String name) {
    robot.clickOn(robot.lookup(".tab-label").match((Node n) -> n instanceof Label l
        && l.getText().equals(name)).queryAs(Label.class));
  }

  /** Types {@code value} into an editable spinner (select all, type, Tab commits it). */
  private static void typeInto(FxRobot robot, String id, int value) {
    robot.clickOn(id);
    robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
    robot.write(Integer.toString(value));
    robot.type(KeyCode.TAB);
  }

  /** Types the small network settings the test trains with. */
  private static void typeSmallSettings(FxRobot robot, int epochs) {
    typeInto(robot, "#embedding", 8);
    typeInto(robot, "#units", 8);
    typeInto(robot, "#hidden", 8);
    typeInto(robot, "#epochs", epochs);
    typeInto(robot, "#batch", 8);
  }

  /** Waits for a training run's outcome; a timeout names the Training tab's status. */
  private void waitForTraining(String what, java.util.concurrent.Callable<Boolean> done) {
    try {
      Fx.waitUntil(SLOW, what, done);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; training status: "
          + Fx.get(() -> window.trainingModel().statusProperty().get()), e);
    }
  }

  private Path tinyDecoyDataset() throws IOException {
    Path file = dir.resolve("tiny-decoy.tsv");
    List<String> lines = new ArrayList<>(List.of("text\tlabel"));
    String[] good = {"great fun film", "a lovely story", "wonderful and moving", "i loved it"};
    String[] bad = {"boring and dull", "a terrible mess", "awful acting", "i hated it"};
    for (int i = 0; i < 12; i++) {
      lines.add("zpos " + good[i % 4] + "\t1");
      lines.add("zneg " + bad[i % 4] + "\t0");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void markATokenRetrainOneEpochWithTheConstraintAndCompare(FxRobot robot) throws IOException {
    Path file = tinyDecoyDataset();
    robot.interact(() -> window.workspace().openDataset(file));
    Fx.waitUntil(SLOW, "dataset listed", () ->
        window.workbench().currentDatasetProperty().get() != null
            && window.workbench().currentDatasetProperty().get().name().equals("tiny-decoy.tsv")
            && !window.dataModel().rows().isEmpty());

    // A first model, trained plainly: it becomes current and is the one to fix.
    robot.clickOn("#menu-bar"); // focus the window
    clickTab(robot, "Training");
    robot.clickOn("#arch");
    robot.clickOn(robot.lookup(".list-cell").match((Node n) -> n instanceof Labeled l
        && "Text CNN".equals(l.getText())).queryAs(Labeled.class));
    typeSmallSettings(robot, 2);
    assertEquals(Architecture.TEXTCNN, Fx.get(() -> window.trainingModel().config().settings()
        .architecture()));
    robot.clickOn("#train-start");
    waitForTraining("first model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && m.origin() == WorkspaceEntry.Origin.TRAINED
          && !window.trainingModel().runningProperty().get();
    });
    WorkspaceEntry before = Fx.get(() -> window.workbench().currentModelProperty().get());
    Fx.waitUntil(SLOW, "predictions of the first model", () ->
        window.dataModel().rows().stream().allMatch(e -> e.hasPrediction()));

    // Mark the first token (a decoy word) by clicking it.
    clickTab(robot, "Saliency");
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(SLOW, "heatmap of the first model", () -> heatmap.tokenCount() > 0
        && !window.saliencyModel().busyProperty().get()
        && window.saliencyModel().resultProperty().get() != null);
    String word = Fx.get(() -> window.saliencyModel().resultProperty().get().tokens().get(0));
    assertTrue(word.equals("zpos") || word.equals("zneg"), word);
    Node first = Fx.get(() -> robot.lookup("#token-flow").queryAs(javafx.scene.layout.FlowPane.class)
        .getChildren().get(0));
    assertEquals(word, Fx.get(() -> ((Label) first).getText()));
    robot.clickOn("#mark-mode"); // mark mode is off by default
    robot.clickOn(first);
    try {
      Fx.waitUntil(30, "token marked", () -> heatmap.markedPositions().contains(0));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; marking status: "
          + Fx.get(() -> window.markingModel().statusProperty().get()) + ", marks "
          + Fx.get(() -> window.markingModel().marks()), e);
    }
    String datasetId = Fx.get(() -> window.workbench().currentDatasetProperty().get().id());
    assertEquals(List.of(new DatasetEdit.MaskWord(word)),
        Fx.get(() -> window.markingModel().marks()));
    assertTrue(Fx.get(() -> first.getStyleClass().contains("token-marked")), "outlined");
    assertTrue(Files.exists(io.gradlens.data.edits.DatasetEditFile.besideDataset(file)),
        "edits saved beside the dataset");
    assertNotNull(datasetId);

    // Retrain with the constraint: the Training tab opens preset with the penalty.
    robot.clickOn("#retrain-constraint");
    Fx.waitUntil(30, "training tab shown", () -> window.tabs().getSelectionModel()
        .getSelectedItem().getText().equals("Training"));
    assertEquals(PenaltySettings.preset(false), Fx.get(() ->
        window.trainingModel().config().settings().penalty()));
    typeSmallSettings(robot, 1);
    robot.clickOn("#train-start");
    waitForTraining("constrained model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && !m.equals(before) && !window.trainingModel().runningProperty().get();
    });
    var epoch = Fx.get(() -> window.trainingModel().epochMetrics().get(0));
    assertTrue(Double.isFinite(epoch.trainSaliencyLoss()), "saliency loss reported: " + epoch);
    assertEquals(epoch.trainLoss(), epoch.trainClassificationLoss() + epoch.trainSaliencyLoss(),
        1e-5 * (1 + epoch.trainLoss()));

    // The comparison opens by itself: the Saliency tab is shown, the old model beside the new
    // one on the same example, and the Data tab has the accuracy change.
    Fx.waitUntil(SLOW, "saliency tab shown after the constrained run", () -> window.tabs()
        .getSelectionModel().getSelectedItem().getText().equals("Saliency"));
    TokenHeatmapView compare = robot.lookup("#compare-heatmap").queryAs(TokenHeatmapView.class);
    Node comparePane = robot.lookup("#compare-pane").query();
    try {
      Fx.waitUntil(SLOW, "comparison shown", () ->
          window.saliencyModel().compareResultProperty().get() != null
              && !window.saliencyModel().busyProperty().get() && compare.tokenCount() > 0
              && comparePane.isVisible());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + Fx.get(() -> "status: "
          + window.saliencyModel().statusProperty().get() + ", busy "
          + window.saliencyModel().busyProperty().get() + ", compare "
          + window.saliencyModel().compareModelProperty().get() + ", result "
          + (window.saliencyModel().compareResultProperty().get() != null) + ", choices "
          + window.saliencyModel().compareChoices()), e);
    }
    assertEquals(before, Fx.get(() -> window.saliencyModel().compareModelProperty().get()));
    String title = Fx.get(() -> robot.lookup("#compare-title").queryAs(Label.class).getText());
    assertTrue(title.startsWith(before.name() + ":"), title);
    assertEquals(Fx.get(heatmap::tokenCount), Fx.get(compare::tokenCount));
    WorkspaceEntry after = Fx.get(() -> window.workbench().currentModelProperty().get());
    checkRelevanceLine(robot, word);
    checkCompareChooser(robot, before, after);
    checkScaleToggle(robot, compare);
    clickTab(robot, "Data");
    Label change = robot.lookup("#accuracy-change").queryAs(Label.class);
    Fx.waitUntil(SLOW, "accuracy change shown", () -> !change.getText().isEmpty());
    String text = Fx.get(change::getText);
    assertTrue(text.startsWith("test accuracy ") && text.contains("\u2192")
        && text.contains(before.name()) && text.contains(after.name()), text);
    assertNotEquals(before.name(), after.name());
  }

  /**
   * The compare pane's relevance line: on this example the share of |score| on the marked word,
   * old → new, as computed here from the two shown results, and the mean over the marked test
   * texts once it is computed.
   */
  private void checkRelevanceLine(FxRobot robot, String word) {
    Label line = robot.lookup("#marked-relevance").queryAs(Label.class);
    Fx.waitUntil(SLOW, "relevance means computed", () -> line.getText().contains("mean over ")
        && !line.getText().contains("computing"));
    SaliencyResult now = Fx.get(() -> window.saliencyModel().resultProperty().get());
    SaliencyResult then = Fx.get(() -> window.saliencyModel().compareResultProperty().get());
    String expected = String.format(java.util.Locale.ROOT, "this example %.3f \u2192 %.3f",
        shareOn(then, word), shareOn(now, word));
    String text = Fx.get(line::getText);
    assertTrue(text.startsWith("Relevance on marked tokens") && text.contains(expected)
        && text.contains("marked test example"), text + " vs " + expected);
  }

  /** Σ |score| on {@code word} / Σ |score|. */
  private static double shareOn(SaliencyResult r, String word) {
    double on = 0;
    double all = 0;
    for (int i = 0; i < r.scores().length; i++) {
      all += Math.abs(r.scores()[i]);
      on += r.tokens().get(i).equals(word) ? Math.abs(r.scores()[i]) : 0;
    }
    return on / all;
  }

  /**
   * The chooser lists the old model but neither the current one nor the shipped MNIST CNN (it
   * reads images and has 10 classes) nor the price model (no classifier).
   */
  private static void checkCompareChooser(FxRobot robot, WorkspaceEntry before,
      WorkspaceEntry after) {
    robot.clickOn("#compare-model");
    Fx.waitUntil(30, "compare choices open", () -> !robot.lookup(".combo-box-popup .list-cell")
        .queryAll().isEmpty());
    List<String> listed = Fx.get(() -> robot.lookup(".combo-box-popup .list-cell").queryAll()
        .stream().map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty())
        .toList());
    robot.clickOn("#compare-model"); // closes the list, the choice unchanged
    assertTrue(listed.contains(before.name()), listed.toString());
    assertFalse(listed.contains(after.name()), "the current model: " + listed);
    assertTrue(listed.stream().noneMatch(n -> n.contains("mnist") || n.contains("price")),
        listed.toString());
  }

  /**
   * Per model (the default), the old model's heatmap saturates at its own largest |score| and its
   * legend shows its own range; a click on Shared recolours it on the common range, and a click on
   * Per model brings its own colours back.
   */
  private void checkScaleToggle(FxRobot robot, TokenHeatmapView compare) {
    double[] old = Fx.get(() -> window.saliencyModel().compareResultProperty().get().scores());
    double[] current = Fx.get(() -> window.saliencyModel().resultProperty().get().scores());
    int top = 0;
    for (int i = 1; i < old.length; i++) {
      top = Math.abs(old[i]) > Math.abs(old[top]) ? i : top;
    }
    double[] both = java.util.Arrays.copyOf(old, old.length + current.length);
    System.arraycopy(current, 0, both, old.length, current.length);
    DivergingColorScale own = DivergingColorScale.fitting(old);
    DivergingColorScale shared = DivergingColorScale.fitting(both);
    assertEquals(own.rangeText(), Fx.get(() -> compare.legend().rangeText()));
    assertEquals(old[top] > 0 ? DivergingColorScale.POSITIVE : DivergingColorScale.NEGATIVE,
        own.color(old[top]));
    int topToken = top;
    assertEquals(FxColors.fx(own.color(old[top])), Fx.get(() -> tokenColor(compare, topToken)));

    robot.clickOn("#compare-scale-shared");
    Fx.waitUntil(30, "shared legend", () -> compare.legend().rangeText()
        .equals(shared.rangeText()));
    assertEquals(FxColors.fx(shared.color(old[top])), Fx.get(() -> tokenColor(compare, topToken)));
    if (shared.halfRange() > own.halfRange() * 1.01) {
      assertNotEquals(FxColors.fx(own.color(old[top])), Fx.get(() -> tokenColor(compare, topToken)),
          "the old model's colours change on the shared scale");
    }
    robot.clickOn("#compare-scale-per-model");
    Fx.waitUntil(30, "own legend again", () -> compare.legend().rangeText()
        .equals(own.rangeText()));
    assertEquals(FxColors.fx(own.color(old[top])), Fx.get(() -> tokenColor(compare, topToken)));
  }

  /** @return the background colour of token {@code index} in {@code view} */
  private static javafx.scene.paint.Paint tokenColor(TokenHeatmapView view, int index) {
    javafx.scene.layout.FlowPane flow = (javafx.scene.layout.FlowPane) view.lookup("#token-flow");
    return ((Label) flow.getChildren().get(index)).getBackground().getFills().get(0).getFill();
  }
}
