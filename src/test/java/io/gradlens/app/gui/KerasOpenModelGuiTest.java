package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.cli.CliRun;
import io.gradlens.train.DatasetPreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
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
 * The toolbar's Open model on the REAL core, headless, with the file dialog answered by
 * {@link FixedFilePrompt}: a Keras 3 {@code .keras} file opens, becomes current, and explains a
 * digit with the scores {@code gradlens saliency} gives; a damaged {@code .h5} shows the command
 * line's message in the error dialog and changes nothing.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class KerasOpenModelGuiTest {

  private static final int SLOW = 120;
  private static final Path CNN = Path.of("src/test/resources/keras/generated/conv2d_mnistlike");

  @TempDir
  Path dir;
  private FixedFilePrompt prompt;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    prompt = new FixedFilePrompt();
    CoreWorkspace workspace = new CoreWorkspace(null, Files.createTempDirectory("gradlens-edits"));
    window = new MainWindow(new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace,
            new DatasetPreparation.Options(2000, 1, 20, 0))),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void openModelFromTheToolbar(FxRobot robot, Path file) {
    prompt.answer(file);
    robot.interact(() -> robot.lookup("#tool-open-model").queryAs(Button.class).fire());
  }

  @Test
  void aKerasModelOpensFromTheDialogAndExplainsLikeTheCommandLine(FxRobot robot) throws Exception {
    openModelFromTheToolbar(robot, CNN.resolve("model.keras"));
    Fx.waitUntil(SLOW, "Keras model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && m.name().equals("model.keras");
    });
    List<String> offered = prompt.lastFilters().get(0).getExtensions();
    assertTrue(offered.containsAll(List.of("*.gradlens", "*.h5", "*.keras", "*.json")), offered.toString());

    WorkspaceEntry digits = Fx.get(() -> window.workspace().entries().stream()
        .filter(e -> e.name().equals("digits")).findFirst().orElseThrow());
    robot.interact(() -> window.workspace().select(digits));
    Fx.waitUntil(SLOW, "predictions listed", () -> {
      var rows = window.dataModel().rows();
      return !rows.isEmpty() && rows.get(0).hasPrediction();
    });
    int runs = Fx.get(() -> window.saliencyModel().completedRunsProperty().get());
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(3));
    Fx.waitUntil(SLOW, "explained", () -> window.saliencyModel().completedRunsProperty().get() > runs
        && !window.saliencyModel().busyProperty().get());
    SaliencyResult shown = Fx.get(() -> window.saliencyModel().resultProperty().get());

    CliRun cli = CliRun.of("saliency", "--model", CNN.resolve("model.keras").toString(), "--dataset",
        "digits", "--limit", "4");
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode fourth = new ObjectMapper().readTree(cli.out().strip().split("\n")[3]);
    assertEquals(fourth.get("predicted").asInt(), shown.predictedClass());
    double[] expected = new double[fourth.get("scores").size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = fourth.get("scores").get(i).asDouble();
    }
    assertArrayEquals(expected, shown.scores(), 1e-9);
  }

  @Test
  void aDamagedKerasFileShowsTheCommandLinesMessage(FxRobot robot) throws Exception {
    Path broken = dir.resolve("damaged.h5");
    Files.writeString(broken, "not an HDF5 file");
    openModelFromTheToolbar(robot, broken);
    Fx.waitUntil(SLOW, "error dialog", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
    String message = Fx.get(dialog::getContentText);
    CliRun cli = CliRun.of("predict", "--model", broken.toString(), "--text", "x");
    assertEquals(2, cli.exitCode());
    String cliMessage = cli.err().strip().substring("gradlens predict: ".length());
    assertTrue(message.contains(cliMessage), message + " / " + cliMessage);
    robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    assertEquals(null, Fx.get(() -> window.workbench().currentModelProperty().get()));
  }
}
