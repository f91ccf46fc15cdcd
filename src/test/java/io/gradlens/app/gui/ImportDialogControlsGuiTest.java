package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.fakes.ScriptedImportWorkspace;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
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
 * The import dialog's controls, driven by the robot against a scripted preview: each control
 * reaches the settings the file is previewed and imported with; a split column turns the seeded
 * split off, JSON Lines the delimiter; an unexpected failure has Details; a dropped CSV opens the
 * dialog and an import lists the dataset, makes it current and remembers it.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportDialogControlsGuiTest {

  @TempDir
  Path dir;
  private Path home;
  private ScriptedImportWorkspace workspace;
  private FixedFilePrompt prompt;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    workspace = new ScriptedImportWorkspace();
    prompt = new FixedFilePrompt();
    home = Files.createTempDirectory("gradlens-import-controls");
    window = new MainWindow(new AppServices(workspace, null, null), new SettingsStore(home),
        new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** Waits until the latest preview was asked with settings that pass {@code test}. */
  private void waitForPreview(String what, Predicate<TextImportSettings> test) {
    Fx.waitUntil(20, what, () -> !workspace.previews().isEmpty()
        && test.test(workspace.previews().get(workspace.previews().size() - 1)));
  }

  private Path openThroughTheMenuButton(FxRobot robot) throws IOException {
    Path csv = Files.writeString(dir.resolve("reviews.csv"), "review,sentiment,stars\n");
    prompt.answer(csv);
    robot.clickOn("#tool-open-dataset");
    Fx.waitUntil(20, "dialog shown", () -> robot.lookup("#import-dialog").tryQuery().isPresent());
    waitForPreview("the guessed columns previewed", s -> "review".equals(s.columns().text()));
    return csv;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyControlReachesThePreviewAndTheSplitAndDelimiterSwitchOff(FxRobot robot)
      throws IOException {
    openThroughTheMenuButton(robot);
    ComboBox<Object> text = robot.lookup("#import-text-column").queryAs(ComboBox.class);
    assertEquals("review", Fx.get(() -> text.getConverter().toString(text.getValue())));

    RobotInput.retype(robot, "#import-max-tokens .text-field", "64");
    waitForPreview("max tokens typed", s -> s.tokenizer().maxTokens() == 64);
    robot.clickOn("#import-lowercase");
    waitForPreview("lowercase off", s -> !s.tokenizer().lowercase());
    robot.clickOn("#import-split-punctuation");
    waitForPreview("punctuation kept", s -> !s.tokenizer().splitPunctuation());
    RobotInput.choose(robot, "#import-class-order", "In order of first appearance");
    waitForPreview("order", s -> s.order().name().equals("FIRST_APPEARANCE"));
    RobotInput.retype(robot, "#import-seed", "42");
    waitForPreview("seed typed", s -> s.seed() == 42);
    RobotInput.retype(robot, "#import-test-fraction .text-field", "0.3");
    waitForPreview("fraction typed", s -> s.testFraction() == 0.3);
    RobotInput.choose(robot, "#import-delimiter", "Semicolon ( ; )");
    waitForPreview("semicolon", s -> s.delimiter() == ';');
    RobotInput.choose(robot, "#import-id-column", "stars");
    waitForPreview("id column", s -> "stars".equals(s.columns().id()));

    RobotInput.choose(robot, "#import-split-column", "stars");
    waitForPreview("split column", s -> "stars".equals(s.columns().split()));
    assertTrue(Fx.get(() -> robot.lookup("#import-test-fraction").query().isDisabled()));
    assertTrue(Fx.get(() -> robot.lookup("#import-seed").query().isDisabled()));
    RobotInput.choose(robot, "#import-split-column", "(none)");
    waitForPreview("no split column", s -> s.columns().split() == null);
    assertFalse(Fx.get(() -> robot.lookup("#import-seed").query().isDisabled()));

    RobotInput.choose(robot, "#import-format", "JSON Lines");
    waitForPreview("JSON Lines", s -> s.format() == TableFormat.JSONL);
    assertTrue(Fx.get(() -> robot.lookup("#import-delimiter").query().isDisabled()));

    workspace.preview(s -> {
      throw new IllegalStateException("internal slip");
    });
    robot.clickOn("#import-lowercase");
    Fx.waitUntil(20, "details offered", () -> robot.lookup("#import-details").query().isVisible());
    robot.clickOn("Details");
    TextArea trace = robot.lookup("#import-failure-trace").queryAs(TextArea.class);
    assertTrue(Fx.get(trace::getText).contains("java.lang.IllegalStateException: internal slip"));
    assertTrue(Fx.get(() -> robot.lookup("#import-ok").query().isDisabled()));

    robot.clickOn("#import-cancel");
    Fx.waitUntil(20, "dialog closed", () -> robot.lookup("#import-dialog").tryQuery().isEmpty());
    assertTrue(workspace.imports().isEmpty());
  }

  @Test
  void aDroppedCsvOpensTheDialogAndAnImportIsListedCurrentAndRemembered(FxRobot robot)
      throws IOException {
    Path csv = Files.writeString(dir.resolve("dropped.csv"), "review,sentiment,stars\n");
    robot.interact(() -> window.openFiles(List.of(csv.toFile())));
    Fx.waitUntil(20, "dialog shown", () -> robot.lookup("#import-dialog").tryQuery().isPresent());
    Fx.waitUntil(20, "Import on", () -> !robot.lookup("#import-ok").query().isDisabled());
    robot.clickOn("#import-ok");
    Fx.waitUntil(20, "dataset current", () -> {
      WorkspaceEntry d = window.workbench().currentDatasetProperty().get();
      return d != null && d.name().equals("dropped.csv");
    });
    assertEquals(1, workspace.imports().size());
    assertEquals("sentiment", workspace.imports().get(0).columns().label());
    assertTrue(robot.lookup("#import-dialog").tryQuery().isEmpty());
    assertEquals(List.of("dropped.csv"), Fx.get(() -> window.recentDatasets().items().stream()
        .map(i -> i.label()).toList()));
    assertEquals(csv.toAbsolutePath().normalize().toString(),
        new SettingsStore(home).load().recentDatasets().get(0).file());
  }
}
