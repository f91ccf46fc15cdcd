package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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

/** The quit path with fakes, by keys and clicks: unsaved trained models, a running training. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class QuitGuiTest {

  private FakeTrainingService training;
  private final FixedFilePrompt prompt = new FixedFilePrompt();
  private MainWindow window;
  private Stage stage;
  private Path out;

  @Start
  void start(Stage stage) throws IOException {
    Platform.setImplicitExit(false);
    this.stage = stage;
    out = Files.createTempDirectory("gradlens-quit");
    FakeWorkspaceService workspace = new FakeWorkspaceService() {
      @Override
      public void saveModel(WorkspaceEntry model, Path file, ProgressListener progress,
          CancellationToken cancel) throws IOException {
        Files.writeString(file, model.id());
      }
    };
    training = new FakeTrainingService(20, workspace);
    window = new MainWindow(new AppServices(workspace, new FakeTextSaliencyService(), training),
        new SettingsStore(out.resolve("home")), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void train(FxRobot robot, int epochs) throws InterruptedException {
    robot.interact(() -> window.trainingModel().epochsProperty().set(epochs));
    robot.clickOn("#tab-training");
    Fx.waitUntil(10, "Training view", () -> robot.lookup("#train-start").tryQuery().isPresent());
    robot.clickOn("#train-start");
    assertTrue(training.started().await(5, TimeUnit.SECONDS), "training started");
  }

  /** Clicks the button {@code text} of the dialog {@code dialogId}. */
  private static void answer(FxRobot robot, String dialogId, String text) {
    javafx.scene.Node button = Fx.get(() -> robot.lookup(dialogId + " .button").queryAll()
        .stream().filter(b -> text.equals(((javafx.scene.control.Button) b).getText()))
        .findFirst().orElseThrow());
    robot.clickOn(button);
  }

  private void quitKeys(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
  }

  @Test
  void anUnsavedTrainedModelIsOfferedForSavingOnQuit(FxRobot robot) throws Exception {
    train(robot, 1);
    assertTrue(training.ended().await(5, TimeUnit.SECONDS));
    Fx.waitUntil(5, "trained model listed", () -> window.workspace().entries().stream()
        .anyMatch(e -> e.origin() == WorkspaceEntry.Origin.TRAINED));
    quitKeys(robot);
    Fx.waitUntil(5, "unsaved-models question", () ->
        robot.lookup("#quit-unsaved-dialog").tryQuery().isPresent());
    answer(robot, "#quit-unsaved-dialog", "Cancel");
    Fx.waitUntil(5, "question closed", () ->
        robot.lookup("#quit-unsaved-dialog").tryQuery().isEmpty());
    assertTrue(Fx.get(stage::isShowing), "Cancel stays");

    Path saved = out.resolve("trained.gradlens");
    prompt.answer(saved);
    quitKeys(robot);
    Fx.waitUntil(5, "asked again", () ->
        robot.lookup("#quit-unsaved-dialog").tryQuery().isPresent());
    answer(robot, "#quit-unsaved-dialog", "Save all\u2026");
    Fx.waitUntil(10, "saved, then closed", () -> Files.exists(saved) && !stage.isShowing());
    String id = Files.readString(saved);
    assertTrue(window.workspace().entries().stream()
        .anyMatch(e -> e.id().equals(id) && e.origin() == WorkspaceEntry.Origin.TRAINED), id);
  }

  @Test
  void quittingDuringTrainingAsksAndQuitStopsTheRun(FxRobot robot) throws Exception {
    train(robot, 100); // 100 epochs x 10 batches x 20 ms: running while we quit
    quitKeys(robot);
    Fx.waitUntil(5, "training question", () ->
        robot.lookup("#quit-training-dialog").tryQuery().isPresent());
    answer(robot, "#quit-training-dialog", "Cancel");
    Fx.waitUntil(5, "question closed", () ->
        robot.lookup("#quit-training-dialog").tryQuery().isEmpty());
    assertTrue(Fx.get(() -> window.trainingModel().runningProperty().get()), "still training");
    quitKeys(robot);
    Fx.waitUntil(5, "asked again", () ->
        robot.lookup("#quit-training-dialog").tryQuery().isPresent());
    answer(robot, "#quit-training-dialog", "Quit");
    assertTrue(training.ended().await(5, TimeUnit.SECONDS), "the run stopped");
    assertTrue(training.cancelObserved());
    Fx.waitUntil(10, "closed", () -> !stage.isShowing());
    assertEquals(0, window.workspace().entries().stream()
        .filter(e -> e.origin() == WorkspaceEntry.Origin.TRAINED).count(),
        "the cancelled run left no model to ask about");
  }
}
