package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.install.AppDirectories;
import io.gradlens.workflow.RuntimeVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The production wiring without the core: an honest, empty workspace. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class UnwiredAppGuiTest {

  private MainWindow window;
  private final FixedFilePrompt prompt = new FixedFilePrompt();

  @Start
  void start(Stage stage) throws IOException {
    window = new MainWindow(AppServices.unwired(),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(),
        prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void showsHonestEmptyWorkspace(FxRobot robot) {
    assertTrue(robot.lookup("#no-model-hint").query().isVisible());
    assertTrue(robot.lookup("Open model\u2026").tryQuery().isPresent());
    assertEquals(List.of("Data"), Fx.get(() ->
        window.tabs().getTabs().stream().map(t -> t.getText()).toList()));
    assertEquals(0, (int) Fx.get(() -> robot.lookup("#data-table").queryAs(TableView.class)
        .getItems().size()));
    assertTrue(robot.lookup("#tool-train").query().isDisabled());
  }

  @Test
  void openingAModelExplainsThatTheCoreIsMissing(FxRobot robot) {
    prompt.answer(Path.of("/tmp/model.gradlens"));
    robot.clickOn("#tool-open-model");
    Fx.waitUntil(5, "error dialog", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
    assertTrue(Fx.get(dialog::getContentText).contains("not wired"));
    assertTrue(robot.lookup("#no-model-hint").query().isVisible());
  }

  @Test
  void helpAboutNamesTheVersionTheLogFolderAndTheLicences(FxRobot robot) {
    robot.clickOn("Help").clickOn("About GradLens");
    Fx.waitUntil(5, "about dialog", () -> robot.lookup("#about-text").tryQuery().isPresent());
    String text = Fx.get(() -> robot.lookup("#about-text").queryAs(TextArea.class).getText());
    assertTrue(text.startsWith("GradLens " + RuntimeVersions.gradlens()), text);
    assertTrue(text.contains("Log folder: " + AppDirectories.current().logs().toAbsolutePath()), text);
    assertTrue(text.contains("org.openjfx:javafx-controls"), text);
  }
}
