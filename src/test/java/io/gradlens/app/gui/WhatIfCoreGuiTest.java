package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreDatasetEditService;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.train.DatasetPreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * "Your text" and mark mode on the REAL core (the shipped sentiment LSTM on the built-in
 * sentences, edits in a temporary folder), driven by the robot's clicks and keystrokes: a typed
 * sentence is explained with the model's tokenizer and vocabulary, a click with Mark off writes
 * no edit, Mark on marks a word, Ctrl+Z takes it back and Esc leaves mark mode.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WhatIfCoreGuiTest {

  /** Generous: ND4J's start and the model load on a busy machine. */
  private static final int SLOW = 120;

  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    CoreWorkspace workspace = new CoreWorkspace(Path.of("assets/models"),
        Files.createTempDirectory("gradlens-whatif-edits"));
    workspace.selectModel(workspace.entry(GradLensApp.START_MODEL).orElseThrow());
    window = new MainWindow(new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace,
            new DatasetPreparation.Options(2000, 1, 20, 0)))
        .withEdits(new CoreDatasetEditService(workspace)),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(),
        new FixedFilePrompt());
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private TokenHeatmapView openTinyDatasetOnSaliency(FxRobot robot) {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "model and example current", () ->
        window.workbench().currentModelProperty().get() != null
            && window.workbench().currentExampleProperty().get() != null);
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals("Saliency")).findFirst().orElseThrow()));
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(SLOW, "example explained", () -> heatmap.tokenCount() > 0
        && !window.saliencyModel().busyProperty().get()
        && window.saliencyModel().resultProperty().get() != null);
    robot.interact(stage::toFront);
    WaitForAsyncUtils.waitForFxEvents();
    return heatmap;
  }

  private static Node firstToken(FxRobot robot) {
    return Fx.get(() -> robot.lookup("#saliency-heatmap .token").nth(0).query());
  }

  private static List<String> tokens(SaliencyResult r) {
    return r == null ? List.of() : r.tokens();
  }

  @Test
  void aTypedSentenceIsExplainedWithTheModelsVocabulary(FxRobot robot) {
    openTinyDatasetOnSaliency(robot);
    robot.clickOn("#whatif-text");
    robot.write("what a wonderful qzxwvy film");
    robot.type(KeyCode.ENTER);
    Fx.waitUntil(SLOW, "typed sentence explained", () ->
        tokens(window.saliencyModel().resultProperty().get()).contains("qzxwvy")
            && !window.saliencyModel().busyProperty().get());
    SaliencyResult r = Fx.get(() -> window.saliencyModel().resultProperty().get());
    int oov = r.tokens().indexOf("qzxwvy");
    assertTrue(r.outOfVocabulary().contains(oov), "made-up word out of vocabulary: " + r);
    assertFalse(r.outOfVocabulary().contains(r.tokens().indexOf("wonderful")));
    String prediction = Fx.get(() -> robot.lookup("#saliency-prediction").queryAs(Label.class)
        .getText());
    assertTrue(prediction.startsWith("Predicts \u201c" + r.classNames().get(r.predictedClass())
        + "\u201d"), prediction);
    Node oovLabel = Fx.get(() -> robot.lookup("#saliency-heatmap .token").nth(oov).query());
    assertTrue(Fx.get(() -> oovLabel.getStyleClass().contains("token-oov")));
  }

  @Test
  void markModeMarksAClickedWordCtrlZUndoesAndEscLeaves(FxRobot robot) {
    TokenHeatmapView heatmap = openTinyDatasetOnSaliency(robot);
    ToggleButton mark = robot.lookup("#mark-mode").queryAs(ToggleButton.class);
    assertFalse(Fx.get(mark::isSelected), "Mark is off by default");

    // Mark off: a click on a word writes no edit.
    Node first = Fx.get(() -> robot.lookup("#saliency-heatmap .token").nth(0).query());
    String word = Fx.get(() -> ((Label) first).getText());
    robot.clickOn(first);
    WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // a save would run
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), Fx.get(() -> List.copyOf(window.markingModel().marks())));
    assertTrue(Fx.get(heatmap::markedPositions).isEmpty());

    // Mark on: the click marks it, shown outlined.
    robot.clickOn("#mark-mode");
    assertTrue(Fx.get(mark::isSelected));
    assertTrue(Fx.get(() -> robot.lookup("#mark-mode-state").queryAs(Label.class).getText())
        .startsWith("Mark mode ON"));
    robot.clickOn(firstToken(robot));
    Fx.waitUntil(30, "token marked", () -> heatmap.markedPositions().contains(0));
    assertEquals(List.of(new DatasetEdit.MaskWord(word)),
        Fx.get(() -> List.copyOf(window.markingModel().marks())));

    // Ctrl+Z (Edit ▸ Undo mark) takes it back.
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    Fx.waitUntil(30, "mark undone", () -> window.markingModel().marks().isEmpty()
        && heatmap.markedPositions().isEmpty());
    // Ctrl+Shift+Z (Edit ▸ Redo mark) puts it back; Ctrl+Z again takes it back.
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    Fx.waitUntil(30, "mark redone", () -> heatmap.markedPositions().contains(0));
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    Fx.waitUntil(30, "mark undone again", () -> window.markingModel().marks().isEmpty()
        && heatmap.markedPositions().isEmpty());

    // Esc leaves mark mode; a click then marks nothing.
    robot.push(KeyCode.ESCAPE);
    assertFalse(Fx.get(mark::isSelected), "Esc leaves mark mode");
    robot.clickOn(firstToken(robot));
    WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(Fx.get(() -> window.markingModel().marks().isEmpty()));
  }
}
