package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreSensitivityService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.OptimizerChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ListCell;
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

/**
 * The drop-downs of the Training and Sensitivity tabs, opened by the robot, list human-readable
 * names: no constant name of the enums behind them (ADAM, TEXTCNN, SUM_LOG_PROB, …).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ReadableChoicesGuiTest {

  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    FakeWorkspaceService workspace = new FakeWorkspaceService();
    window = new MainWindow(new AppServices(workspace, new FakeTextSaliencyService(),
        new FakeTrainingService(0, workspace)).withSensitivity(new CoreSensitivityService(
            new CoreWorkspace(Path.of("assets/models"),
                Files.createTempDirectory("gradlens-choices-edits")))),
        new SettingsStore(Files.createTempDirectory("gradlens-choices")), new FxTaskRunner(),
        new FixedFilePrompt());
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** Opens the combo box {@code id} with a click and returns the texts of its list, then closes it. */
  private static List<String> choices(FxRobot robot, String id) {
    robot.clickOn(id);
    Fx.waitUntil(10, id + " open", () -> robot.lookup(".combo-box-popup .list-cell").queryAll()
        .stream().anyMatch(c -> !((ListCell<?>) c).isEmpty()));
    List<String> texts = Fx.get(() -> robot.lookup(".combo-box-popup .list-cell").queryAll()
        .stream().map(c -> (ListCell<?>) c).filter(c -> !c.isEmpty())
        .map(ListCell::getText).toList());
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    Fx.waitUntil(10, id + " closed", () -> robot.lookup(".combo-box-popup").queryAll().stream()
        .noneMatch(javafx.scene.Node::isVisible));
    return texts;
  }

  private static void assertNoConstantNames(List<String> shown, Enum<?>... constants) {
    assertFalse(shown.isEmpty());
    for (Enum<?> c : constants) {
      boolean acronym = c.name().matches("[A-Z]{2,4}"); // LSTM, GRU, RNN, CNN, SGD read as words
      if (!acronym) {
        assertFalse(shown.contains(c.name()), c.name() + " shown raw in " + shown);
      }
    }
    for (String s : shown) {
      assertFalse(s.contains("_"), "a constant name: " + s);
    }
  }

  @Test
  void trainingChoicesAreNamedForPeople(FxRobot robot) {
    robot.clickOn("#tab-training");
    Fx.waitUntil(30, "Training view", () -> robot.lookup("#arch").tryQuery().isPresent());
    List<String> architectures = choices(robot, "#arch");
    assertNoConstantNames(architectures, Architecture.values());
    assertTrue(architectures.contains("Automatic (LSTM for text, CNN for images)"),
        architectures.toString());
    assertTrue(architectures.contains("Bag of embeddings / MLP"), architectures.toString());
    List<String> optimizers = choices(robot, "#optimizer");
    assertNoConstantNames(optimizers, OptimizerChoice.values());
    assertEquals(List.of("Adam", "SGD", "SGD with momentum").stream().sorted().toList(),
        optimizers.stream().sorted().toList());
    List<String> all = new ArrayList<>(choices(robot, "#penalty-target"));
    all.addAll(choices(robot, "#penalty-attribution"));
    assertNoConstantNames(all, Stream.concat(Stream.of(ExplanationPenalty.Target.values()),
        Stream.of(ExplanationPenalty.Attribution.values())).toArray(Enum<?>[]::new));
  }

  @Test
  void sensitivityChoicesAreNamedForPeople(FxRobot robot) {
    robot.clickOn("#tab-sensitivity");
    Fx.waitUntil(30, "Sensitivity view", () -> robot.lookup("#sensitivity-model").tryQuery()
        .isPresent());
    List<String> models = choices(robot, "#sensitivity-model");
    assertTrue(models.contains(FakeWorkspaceService.MODEL.name()), models.toString());
    assertTrue(models.stream().noneMatch(m -> m.startsWith("WorkspaceEntry[")), models.toString());
  }
}
