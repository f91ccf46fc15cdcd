package io.gradlens.app.gui;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreSanityCheckService;
import io.gradlens.app.core.CoreSensitivityService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Shows the main window on the REAL core with the Sensitivity and Sanity check tabs (or the
 * {@link #services} a subclass names); export targets come from {@link #prompt}, files go to
 * {@link #dir}. Subclasses name the workspace and
 * call {@link #show} from a {@code @Start} method.
 */
abstract class AnalysisGuiTestBase {

  @TempDir
  Path dir;
  final FixedFilePrompt prompt = new FixedFilePrompt();
  MainWindow window;

  /** @return the workspace the window runs on (one per test class, so ND4J loads once) */
  abstract CoreWorkspace workspace();

  /** Shows the window; subclasses call it from their {@code @Start} (TestFX looks there). */
  void show(Stage stage) throws IOException {
    window = new MainWindow(services(workspace()),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  /** @return the services of the window: workspace, saliency, sensitivity and sanity check */
  AppServices services(CoreWorkspace workspace) {
    return new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), null)
        .withSensitivity(new CoreSensitivityService(workspace))
        .withSanity(new CoreSanityCheckService(workspace));
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** Selects the tab titled {@code name} (which builds its view). */
  void showTab(FxRobot robot, String name) {
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals(name)).findFirst().orElseThrow()));
  }
}
