package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.PenaltySettings;
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
 * Saliency tab compares the two models while the Data tab shows the accuracy change.
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

  private void showTab(FxRobot robot, String name) {
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals(name)).findFirst().orElseThrow()));
  }

  /**
   * Presses Start. Fired rather than clicked: in this test a robot click on Start left the form
   * idle (the pointer hovered the button, no action came), while clicks elsewhere work.
   */
  private static void clickStart(FxRobot robot) {
    javafx.scene.control.Button start = robot.lookup("#train-start")
        .queryAs(javafx.scene.control.Button.class);
    robot.interact(start::fire);
  }

  /** A primary-button click delivered to {@code node} itself (see {@link #clickStart}). */
  private static void click(FxRobot robot, Node node) {
    robot.interact(() -> {
      if (node instanceof javafx.scene.control.ButtonBase b) {
        b.fire();
        return;
      }
      node.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
          1, 1, 1, 1, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true,
          false, false, true, false, true, null));
    });
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
    showTab(robot, "Training");
    robot.interact(() -> {
      var t = window.trainingModel();
      t.architectureProperty().set(Architecture.TEXTCNN);
      t.embeddingSizeProperty().set(8);
      t.hiddenSizeProperty().set(8);
      t.unitsProperty().set(8);
      t.epochsProperty().set(2);
      t.batchSizeProperty().set(8);
    });
    clickStart(robot);
    waitForTraining("first model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && m.origin() == WorkspaceEntry.Origin.TRAINED
          && !window.trainingModel().runningProperty().get();
    });
    WorkspaceEntry before = Fx.get(() -> window.workbench().currentModelProperty().get());
    Fx.waitUntil(SLOW, "predictions of the first model", () ->
        window.dataModel().rows().stream().allMatch(e -> e.hasPrediction()));

    // Mark the first token (a decoy word) by clicking it.
    showTab(robot, "Saliency");
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(SLOW, "heatmap of the first model", () -> heatmap.tokenCount() > 0
        && !window.saliencyModel().busyProperty().get()
        && window.saliencyModel().resultProperty().get() != null);
    String word = Fx.get(() -> window.saliencyModel().resultProperty().get().tokens().get(0));
    assertTrue(word.equals("zpos") || word.equals("zneg"), word);
    Node first = Fx.get(() -> robot.lookup("#token-flow").queryAs(javafx.scene.layout.FlowPane.class)
        .getChildren().get(0));
    assertEquals(word, Fx.get(() -> ((Label) first).getText()));
    click(robot, robot.lookup("#mark-mode").query()); // mark mode is off by default
    click(robot, first);
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
    click(robot, robot.lookup("#retrain-constraint").query());
    Fx.waitUntil(30, "training tab shown", () -> window.tabs().getSelectionModel()
        .getSelectedItem().getText().equals("Training"));
    assertEquals(PenaltySettings.preset(false), Fx.get(() ->
        window.trainingModel().config().settings().penalty()));
    robot.interact(() -> {
      var t = window.trainingModel();
      t.embeddingSizeProperty().set(8);
      t.hiddenSizeProperty().set(8);
      t.unitsProperty().set(8);
      t.epochsProperty().set(1);
      t.batchSizeProperty().set(8);
    });
    clickStart(robot);
    waitForTraining("constrained model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && !m.equals(before) && !window.trainingModel().runningProperty().get();
    });
    var epoch = Fx.get(() -> window.trainingModel().epochMetrics().get(0));
    assertTrue(Double.isFinite(epoch.trainSaliencyLoss()), "saliency loss reported: " + epoch);
    assertEquals(epoch.trainLoss(), epoch.trainClassificationLoss() + epoch.trainSaliencyLoss(),
        1e-5 * (1 + epoch.trainLoss()));

    // The comparison: old model beside the new one on the same example, and the accuracy change.
    showTab(robot, "Saliency");
    TokenHeatmapView compare = robot.lookup("#compare-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(SLOW, "comparison shown", () ->
        window.saliencyModel().compareResultProperty().get() != null
            && !window.saliencyModel().busyProperty().get() && compare.tokenCount() > 0
            && compare.isVisible());
    assertEquals(before, Fx.get(() -> window.saliencyModel().compareModelProperty().get()));
    assertEquals(Fx.get(heatmap::tokenCount), Fx.get(compare::tokenCount));
    WorkspaceEntry after = Fx.get(() -> window.workbench().currentModelProperty().get());
    showTab(robot, "Data");
    Label change = robot.lookup("#accuracy-change").queryAs(Label.class);
    Fx.waitUntil(SLOW, "accuracy change shown", () -> !change.getText().isEmpty());
    String text = Fx.get(change::getText);
    assertTrue(text.startsWith("test accuracy ") && text.contains("\u2192")
        && text.contains(before.name()) && text.contains(after.name()), text);
    assertNotEquals(before.name(), after.name());
  }
}
