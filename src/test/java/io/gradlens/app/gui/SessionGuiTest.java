package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreSensitivityService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.settings.AppSettings;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.settings.WindowGeometry;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.workflow.RuntimeVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
 * Session state on the REAL core, driven by the robot: a restart restores dataset, model and tab;
 * a tiny saved window starts at a sane size; a 1200 px window shows the Sensitivity buttons
 * whole; About names the version; Redo mark is off at start.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SessionGuiTest {

  private static final int SLOW = 120;

  private Path home;
  private Stage stage;
  private MainWindow window;
  private final FixedFilePrompt prompt = new FixedFilePrompt();

  @Start
  void start(Stage stage) throws IOException {
    Platform.setImplicitExit(false); // the quit path closes the last window; the test goes on
    this.stage = stage;
    home = Files.createTempDirectory("gradlens-session");
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** A new workbench on a new core (a new app instance) over the settings folder {@link #home}. */
  private MainWindow launch(FxRobot robot, Stage target) {
    CoreWorkspace core = new CoreWorkspace(Path.of("assets/models"), home.resolve("edits"));
    MainWindow w = new MainWindow(new AppServices(new CoreWorkspaceService(core),
        new CoreSaliencyService(core), null).withSensitivity(new CoreSensitivityService(core)),
        new SettingsStore(home), new FxTaskRunner(), prompt);
    robot.interact(() -> {
      w.show(target);
      w.resumeSession(GradLensApp.START_DATASET, GradLensApp.START_MODEL);
    });
    return w;
  }

  private static String id(MainWindow w, boolean dataset) {
    var e = dataset ? w.workbench().currentDatasetProperty().get()
        : w.workbench().currentModelProperty().get();
    return e == null ? null : e.id();
  }

  @Test
  void aRestartRestoresTheDatasetTheModelAndTheTab(FxRobot robot) {
    window = launch(robot, stage);
    Fx.waitUntil(SLOW, "first start: the defaults", () ->
        GradLensApp.START_MODEL.equals(id(window, false))
            && GradLensApp.START_DATASET.equals(id(window, true)));
    RobotSteps.clickEntry(robot, "mnist", SLOW);
    RobotSteps.clickEntry(robot, "mnist-cnn", SLOW);
    Fx.waitUntil(SLOW, "mnist with its CNN", () -> "builtin:mnist".equals(id(window, true))
        && "shipped:mnist-cnn".equals(id(window, false)));
    robot.clickOn("#tab-sensitivity");
    Fx.waitUntil(10, "Sensitivity selected", () ->
        "tab-sensitivity".equals(window.tabs().getSelectionModel().getSelectedItem().getId()));
    robot.clickOn("#tab-data");
    robot.clickOn("#tab-sensitivity");
    // Quit by the app's own path: Ctrl+Q (File ▸ Quit); no model was trained, so no question.
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
    Fx.waitUntil(10, "window closed", () -> !stage.isShowing());

    Stage second = Fx.get(Stage::new);
    MainWindow restarted = launch(robot, second);
    Fx.waitUntil(SLOW, "dataset and model restored", () ->
        "builtin:mnist".equals(id(restarted, true))
            && "shipped:mnist-cnn".equals(id(restarted, false)));
    Fx.waitUntil(10, "tab restored", () -> "tab-sensitivity".equals(
        restarted.tabs().getSelectionModel().getSelectedItem().getId()));
    // The model was not swapped for the default on the way.
    assertEquals("builtin:mnist", Fx.get(() -> id(restarted, true)));
  }

  @Test
  void aTinySavedWindowStartsAtASaneSizeAndATinyWindowIsNotSaved(FxRobot robot)
      throws IOException {
    new SettingsStore(home).save(AppSettings.defaults()
        .withWindow(new WindowGeometry(40, 30, 198, 175, false)));
    window = launch(robot, stage);
    double width = Fx.get(stage::getWidth);
    double height = Fx.get(stage::getHeight);
    assertTrue(width >= WindowGeometry.MIN_WIDTH || width >= 0.9 * Fx.get(() ->
        javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()) - 1, "width " + width);
    assertTrue(height >= WindowGeometry.MIN_HEIGHT || height >= 0.9 * Fx.get(() ->
        javafx.stage.Screen.getPrimary().getVisualBounds().getHeight()) - 1, "height " + height);
    // Shrunk to the window manager's size again and quit: the tiny size is not saved.
    robot.interact(() -> {
      stage.setWidth(198);
      stage.setHeight(175);
    });
    robot.interact(window::saveState);
    WindowGeometry saved = new SettingsStore(home).load().window();
    assertTrue(saved == null || saved.width() >= WindowGeometry.MIN_WIDTH, String.valueOf(saved));
  }

  @Test
  void at1200PixelsNoSensitivityButtonIsTruncated(FxRobot robot) {
    window = launch(robot, stage);
    robot.interact(() -> {
      stage.setWidth(1200);
      stage.setHeight(800);
    });
    robot.clickOn("#tab-sensitivity");
    Fx.waitUntil(SLOW, "the Sensitivity view", () ->
        robot.lookup("#sensitivity-compute").tryQuery().isPresent());
    robot.interact(() -> stage.getScene().getRoot().layout());
    List<Node> buttons = Fx.get(() -> List.copyOf(robot.lookup("#sensitivity-view .button")
        .queryAll()));
    assertTrue(buttons.size() >= 3, buttons.toString());
    for (Node node : buttons) {
      Button b = (Button) node;
      String shown = Fx.get(() -> b.lookupAll(".text").stream()
          .filter(t -> t instanceof Text).map(t -> ((Text) t).getText()).findFirst().orElse(""));
      assertEquals(b.getText(), shown, "button " + b.getId() + " is truncated");
    }
    for (String id : List.of("#sensitivity-compute", "#sensitivity-cancel",
        "#sensitivity-export-table")) {
      Labeled l = robot.lookup(id).queryAs(Labeled.class);
      double right = Fx.get(() -> l.localToScene(l.getBoundsInLocal()).getMaxX());
      assertTrue(right <= Fx.get(() -> stage.getScene().getWidth()) + 0.5, id + " is cut off");
    }
  }

  @Test
  void aboutNamesTheVersionAndRedoMarkIsOffAtStart(FxRobot robot) {
    window = launch(robot, stage);
    robot.clickOn("Edit");
    Fx.waitUntil(10, "Edit menu open", () -> robot.lookup("Redo mark").tryQuery().isPresent());
    assertTrue(Fx.get(() -> menuItem("menu-redo").isDisable()), "nothing to redo at start");
    assertTrue(Fx.get(() -> menuItem("menu-undo").isDisable()), "no marks at start");
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    robot.clickOn("Help");
    robot.clickOn("About GradLens");
    Fx.waitUntil(10, "About dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    String header = Fx.get(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class)
        .getHeaderText());
    String version = RuntimeVersions.gradlens();
    assertFalse(version.equals(RuntimeVersions.DEVELOPMENT),
        "the Maven build names its version (io/gradlens/version.properties)");
    assertTrue(header.startsWith("GradLens " + version), header);
  }

  private javafx.scene.control.MenuItem menuItem(String id) {
    var bar = (javafx.scene.control.MenuBar) stage.getScene().lookup("#menu-bar");
    return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
        .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }
}
