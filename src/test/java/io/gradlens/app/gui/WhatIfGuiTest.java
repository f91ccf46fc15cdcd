package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * "Your text" in the Saliency tab against fake services, driven by the robot's clicks and
 * keystrokes: a typed sentence is explained with its prediction, out-of-vocabulary tokens are
 * marked, the sentence is kept in the history and "Back to the selected example" returns.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WhatIfGuiTest {

  private FakeWorkspaceService workspace;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    workspace = new FakeWorkspaceService();
    window = new MainWindow(new AppServices(workspace, new FakeTextSaliencyService(),
        new FakeTrainingService(0, workspace)),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(),
        new FixedFilePrompt());
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private String selectedExampleText(FxRobot robot) {
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.MODEL));
    Fx.waitUntil(5, "model current", () -> window.workbench().currentModelProperty().get() != null);
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.TINY));
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    Fx.waitUntil(5, "examples loaded", () -> table.getItems().size() == 6);
    robot.interact(() -> table.getSelectionModel().select(0));
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals("Saliency")).findFirst().orElseThrow()));
    Fx.waitUntil(5, "example explained", () ->
        window.saliencyModel().resultProperty().get() != null);
    robot.interact(stage::toFront);
    WaitForAsyncUtils.waitForFxEvents();
    return Fx.get(() -> window.workbench().currentExampleProperty().get().text());
  }

  private List<String> shownTokens(FxRobot robot) {
    return Fx.get(() -> robot.lookup("#saliency-heatmap .token").queryAll().stream()
        .map(n -> ((Label) n).getText()).toList());
  }

  private void waitForTokens(FxRobot robot, List<String> expected) {
    Fx.waitUntil(5, "heatmap of " + expected, () -> shownTokens(robot).equals(expected)
        && !window.saliencyModel().busyProperty().get());
  }

  @Test
  void typeASentenceAndSeeItsSaliencyAndPrediction(FxRobot robot) {
    String example = selectedExampleText(robot);
    robot.clickOn("#whatif-text");
    robot.write("zqfoo was fun");
    robot.type(KeyCode.ENTER);
    waitForTokens(robot, List.of("zqfoo", "was", "fun"));

    // "zqfoo was fun" has 13 characters: the fake predicts "negative" with p = 0.8.
    Label prediction = robot.lookup("#saliency-prediction").queryAs(Label.class);
    String text = Fx.get(prediction::getText);
    assertTrue(text.startsWith("Predicts \u201cnegative\u201d (p = 0.800)"), text);
    assertTrue(text.contains("not in the model's vocabulary") && text.contains("zqfoo"), text);

    // The out-of-vocabulary token, and only it, is marked.
    List<Node> tokens = Fx.get(() -> List.copyOf(robot.lookup("#saliency-heatmap .token")
        .queryAll()));
    assertTrue(Fx.get(() -> tokens.get(0).getStyleClass().contains("token-oov")));
    assertTrue(Fx.get(() -> ((Label) tokens.get(0)).getTooltip().getText()
        .contains(TokenHeatmapView.OOV_NOTE)));
    assertFalse(Fx.get(() -> tokens.get(1).getStyleClass().contains("token-oov")));

    // Editing re-runs after the pause, without Enter.
    robot.type(KeyCode.BACK_SPACE, 3);
    robot.write("dull");
    waitForTokens(robot, List.of("zqfoo", "was", "dull"));
    SaliencyResult r = Fx.get(() -> window.saliencyModel().resultProperty().get());
    assertEquals(14 % 2 == 0 ? 1 : 0, r.predictedClass(), "\"zqfoo was dull\" is even");
    assertTrue(Fx.get(prediction::getText).startsWith("Predicts \u201cpositive\u201d (p = 0.700)"));

    // History of the session: the sentence sent with Enter.
    @SuppressWarnings("unchecked")
    ComboBox<String> history = robot.lookup("#whatif-history").queryAs(ComboBox.class);
    assertEquals(List.of("zqfoo was fun"), Fx.get(() -> List.copyOf(history.getItems())));

    // Back to the selected example.
    robot.clickOn("#whatif-back");
    waitForTokens(robot, FakeTextSaliencyService.tokenize(example));
    assertEquals("", Fx.get(() -> robot.lookup("#whatif-text").queryAs(TextField.class)
        .getText()));
  }

  @Test
  void theHistoryBringsBackATypedSentence(FxRobot robot) {
    selectedExampleText(robot);
    robot.clickOn("#whatif-text");
    robot.write("one two");
    robot.clickOn("#whatif-explain");
    waitForTokens(robot, List.of("one", "two"));
    robot.clickOn("#whatif-text");
    robot.push(KeyCode.CONTROL, KeyCode.A);
    robot.write("three");
    robot.type(KeyCode.ENTER);
    waitForTokens(robot, List.of("three"));
    robot.clickOn("#whatif-history");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("one two");
    waitForTokens(robot, List.of("one", "two"));
    assertEquals("one two", Fx.get(() -> robot.lookup("#whatif-text").queryAs(TextField.class)
        .getText()));
  }
}
