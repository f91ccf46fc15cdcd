package io.gradlens.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import org.testfx.util.WaitForAsyncUtils;

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

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("FX read failed", e);
    }
  }

  private static void waitUntil(String what, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Timed out waiting for: " + what, e);
    }
  }

  /** Waits until the latest preview was asked with settings that pass {@code test}. */
  private void waitForPreview(String what, Predicate<TextImportSettings> test) {
    waitUntil(what, () -> !workspace.previews().isEmpty()
        && test.test(workspace.previews().get(workspace.previews().size() - 1)));
  }

  private static void choose(FxRobot robot, String comboId, String text) {
    robot.clickOn(comboId);
    Node cell = fx(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
        .filter(n -> n.isVisible() && text.equals(((Labeled) n).getText())).findFirst()
        .orElseThrow(() -> new AssertionError("no entry \"" + text + "\" in " + comboId)));
    robot.clickOn(cell);
  }

  private static void retype(FxRobot robot, String query, String value) {
    robot.doubleClickOn(query);
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write(value);
  }

  private Path openThroughTheMenuButton(FxRobot robot) throws IOException {
    Path csv = Files.writeString(dir.resolve("reviews.csv"), "review,sentiment,stars\n");
    prompt.answer(csv);
    robot.clickOn("#tool-open-dataset");
    waitUntil("dialog shown", () -> robot.lookup("#import-dialog").tryQuery().isPresent());
    waitForPreview("the guessed columns previewed", s -> "review".equals(s.columns().text()));
    return csv;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyControlReachesThePreviewAndTheSplitAndDelimiterSwitchOff(FxRobot robot)
      throws IOException {
    openThroughTheMenuButton(robot);
    ComboBox<ColumnChooser.Choice> text = robot.lookup("#import-text-column")
        .queryAs(ComboBox.class);
    assertEquals("review", fx(() -> text.getValue().column()));

    retype(robot, "#import-max-tokens .text-field", "64");
    waitForPreview("max tokens typed", s -> s.tokenizer().maxTokens() == 64);
    robot.clickOn("#import-lowercase");
    waitForPreview("lowercase off", s -> !s.tokenizer().lowercase());
    robot.clickOn("#import-split-punctuation");
    waitForPreview("punctuation kept", s -> !s.tokenizer().splitPunctuation());
    choose(robot, "#import-class-order", "In order of first appearance");
    waitForPreview("order", s -> s.order().name().equals("FIRST_APPEARANCE"));
    retype(robot, "#import-seed", "42");
    waitForPreview("seed typed", s -> s.seed() == 42);
    retype(robot, "#import-test-fraction .text-field", "0.3");
    waitForPreview("fraction typed", s -> s.testFraction() == 0.3);
    choose(robot, "#import-delimiter", "Semicolon ( ; )");
    waitForPreview("semicolon", s -> s.delimiter() == ';');
    choose(robot, "#import-id-column", "stars");
    waitForPreview("id column", s -> "stars".equals(s.columns().id()));

    choose(robot, "#import-split-column", "stars");
    waitForPreview("split column", s -> "stars".equals(s.columns().split()));
    assertTrue(fx(() -> robot.lookup("#import-test-fraction").query().isDisabled()));
    assertTrue(fx(() -> robot.lookup("#import-seed").query().isDisabled()));
    choose(robot, "#import-split-column", ColumnChooser.NONE);
    waitForPreview("no split column", s -> s.columns().split() == null);
    assertFalse(fx(() -> robot.lookup("#import-seed").query().isDisabled()));

    choose(robot, "#import-format", "JSON Lines");
    waitForPreview("JSON Lines", s -> s.format() == TableFormat.JSONL);
    assertTrue(fx(() -> robot.lookup("#import-delimiter").query().isDisabled()));

    workspace.preview(s -> {
      throw new IllegalStateException("internal slip");
    });
    robot.clickOn("#import-lowercase");
    waitUntil("details offered", () -> robot.lookup("#import-details").query().isVisible());
    robot.clickOn("Details");
    TextArea trace = robot.lookup("#import-failure-trace").queryAs(TextArea.class);
    assertTrue(fx(trace::getText).contains("java.lang.IllegalStateException: internal slip"));
    assertTrue(fx(() -> robot.lookup("#import-ok").query().isDisabled()));

    robot.clickOn("#import-cancel");
    waitUntil("dialog closed", () -> robot.lookup("#import-dialog").tryQuery().isEmpty());
    assertTrue(workspace.imports().isEmpty());
  }

  @Test
  void aDroppedCsvOpensTheDialogAndAnImportIsListedCurrentAndRemembered(FxRobot robot)
      throws IOException {
    Path csv = Files.writeString(dir.resolve("dropped.csv"), "review,sentiment,stars\n");
    robot.interact(() -> window.openFiles(List.of(csv.toFile())));
    waitUntil("dialog shown", () -> robot.lookup("#import-dialog").tryQuery().isPresent());
    waitUntil("Import on", () -> !robot.lookup("#import-ok").query().isDisabled());
    robot.clickOn("#import-ok");
    waitUntil("dataset current", () -> {
      WorkspaceEntry d = window.workbench().currentDatasetProperty().get();
      return d != null && d.name().equals("dropped.csv");
    });
    assertEquals(1, workspace.imports().size());
    assertEquals("sentiment", workspace.imports().get(0).columns().label());
    assertTrue(robot.lookup("#import-dialog").tryQuery().isEmpty());
    assertEquals(List.of("dropped.csv"), fx(() -> window.recentDatasets().items().stream()
        .map(i -> i.label()).toList()));
    assertEquals(csv.toAbsolutePath().normalize().toString(),
        new SettingsStore(home).load().recentDatasets().get(0).file());
  }
}
