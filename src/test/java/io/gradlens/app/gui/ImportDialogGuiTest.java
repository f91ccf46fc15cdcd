package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.dataimport.ClassCount;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.AppSettings;
import io.gradlens.app.settings.RecentDataset;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.app.workspace.RecentDatasetsViewModel;
import io.gradlens.app.workspace.WorkspacePanel;
import io.gradlens.data.TextDataset;
import io.gradlens.data.imports.ImportProblem;
import io.gradlens.train.DatasetPreparation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
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

/**
 * The import dialog and the Recent group on the REAL core, driven by the robot: a CSV with word
 * labels and a quoted newline is mapped with the choosers, imported, trained on for one epoch and
 * explained; a broken CSV lists its problems by line and loads nothing; a remembered dataset whose
 * file is gone is greyed and removable.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportDialogGuiTest {

  /** Generous: ND4J starts and a model trains on a busy machine. */
  private static final int SLOW = 180;

  @TempDir
  Path dir;
  private Path home;
  private CoreWorkspace workspace;
  private FixedFilePrompt prompt;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    prompt = new FixedFilePrompt();
    home = Files.createTempDirectory("gradlens-import-home");
    workspace = new CoreWorkspace(null, Files.createTempDirectory("gradlens-import-edits"));
    window = new MainWindow(new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace,
            new DatasetPreparation.Options(2000, 1, 20, 0))),
        new SettingsStore(home), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** Writes {@code reviews.csv}: word labels, a star column, one review spanning two lines. */
  private Path reviews(Map<String, Long> sentimentCounts) throws IOException {
    List<String> lines = new ArrayList<>(List.of("review,sentiment,stars"));
    String[] good = {"great fun film", "a lovely story", "wonderful and moving", "i loved it"};
    String[] bad = {"boring and dull", "a terrible mess", "awful acting", "i hated it"};
    for (int i = 0; i < 12; i++) {
      lines.add(good[i % 4] + " " + i + ",positive," + (4 + i % 2));
      lines.add(bad[i % 4] + " " + i + ",negative," + (1 + i % 2));
    }
    lines.add("\"a quiet, wise film\nthat stays with you\",positive,5");
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      sentimentCounts.merge(fields[fields.length - 2], 1L, Long::sum);
    }
    Path file = dir.resolve("reviews.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @SuppressWarnings("unchecked")
  private TableView<ClassCount> classTable(FxRobot robot) {
    return robot.lookup("#import-classes").queryAs(TableView.class);
  }

  private List<String> classNames(FxRobot robot) {
    return Fx.get(() -> classTable(robot).getItems().stream().map(ClassCount::name).toList());
  }

  private void openThroughTheToolbar(FxRobot robot, Path file) {
    prompt.answer(file);
    robot.clickOn("#tool-open-dataset");
    Fx.waitUntil(20, "import dialog shown", () ->
        robot.lookup("#import-dialog").tryQuery().isPresent());
  }

  @Test
  void aCsvWithWordLabelsIsMappedImportedTrainedOnAndExplained(FxRobot robot) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    Path csv = reviews(counts);
    openThroughTheToolbar(robot, csv);
    // The guess from the header: review holds the text, sentiment the label.
    Fx.waitUntil(SLOW, "classes of the guessed label column",
        () -> classNames(robot).equals(List.of("negative", "positive")));
    Label records = robot.lookup("#import-records").queryAs(Label.class);
    assertEquals("25 records", Fx.get(records::getText), "the quoted newline is one record");

    RobotInput.choose(robot, "#import-label-column", "stars");
    // Integer labels keep their value as the class index: classes 0..5, two of them empty.
    Fx.waitUntil(SLOW, "classes of the stars column",
        () -> classNames(robot).equals(List.of("0", "1", "2", "3", "4", "5")));
    assertEquals(List.of(0L, 6L, 6L, 0L, 6L, 7L), Fx.get(() ->
        classTable(robot).getItems().stream().map(ClassCount::records).toList()));
    RobotInput.choose(robot, "#import-label-column", "sentiment");
    Fx.waitUntil(SLOW, "classes of the sentiment column again",
        () -> classNames(robot).equals(List.of("negative", "positive")));
    assertEquals(List.of(counts.get("negative"), counts.get("positive")), Fx.get(() ->
        classTable(robot).getItems().stream().map(ClassCount::records).toList()));
    @SuppressWarnings("unchecked")
    ListView<ImportProblem> problems = robot.lookup("#import-problems").queryAs(ListView.class);
    assertTrue(Fx.get(() -> problems.getItems().isEmpty()));
    Button importButton = robot.lookup("#import-ok").queryAs(Button.class);
    Fx.waitUntil(SLOW, "Import enabled", () -> !importButton.isDisabled());

    robot.clickOn("#import-ok");
    Fx.waitUntil(SLOW, "imported dataset current", () -> {
      WorkspaceEntry d = window.workbench().currentDatasetProperty().get();
      return d != null && d.name().equals("reviews.csv") && !window.dataModel().rows().isEmpty();
    });
    assertFalse(robot.lookup("#import-dialog").tryQuery().isPresent(), "the dialog closed");
    String id = Fx.get(() -> window.workbench().currentDatasetProperty().get().id());
    TextDataset imported = (TextDataset) workspace.dataset(id);
    assertEquals(List.of("negative", "positive"), imported.classNames());
    assertEquals(25, imported.trainSize() + imported.testSize());
    assertTrue(imported.train().stream().anyMatch(e -> e.text().contains("wise film\nthat stays"))
        || imported.test().stream().anyMatch(e -> e.text().contains("wise film\nthat stays")));
    // Remembered with its settings, for the Recent group and the next start.
    List<RecentDataset> remembered = new SettingsStore(home).load().recentDatasets();
    assertEquals(1, remembered.size());
    assertEquals("sentiment", remembered.get(0).labelColumn());
    assertEquals("review", remembered.get(0).textColumn());

    robot.clickOn("Training");
    RobotInput.choose(robot, "#arch", "Bag of embeddings / MLP");
    RobotInput.retype(robot, "#embedding .text-field", "8");
    robot.type(KeyCode.ENTER);
    RobotInput.retype(robot, "#units .text-field", "8");
    robot.type(KeyCode.ENTER);
    RobotInput.retype(robot, "#hidden .text-field", "8");
    robot.type(KeyCode.ENTER);
    RobotInput.retype(robot, "#epochs .text-field", "1");
    robot.type(KeyCode.ENTER);
    RobotInput.retype(robot, "#batch .text-field", "4");
    robot.type(KeyCode.ENTER);
    robot.clickOn("#train-start");
    Fx.waitUntil(SLOW, "one epoch trained", () -> !window.trainingModel().runningProperty().get()
        && window.trainingModel().epochMetrics().size() == 1);
    Fx.waitUntil(SLOW, "trained model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && m.origin() == WorkspaceEntry.Origin.TRAINED;
    });

    robot.clickOn("Saliency");
    Fx.waitUntil(SLOW, "explained with the imported class names", () -> {
      SaliencyResult r = window.saliencyModel().resultProperty().get();
      return r != null && !window.saliencyModel().busyProperty().get()
          && r.classNames().equals(List.of("negative", "positive"));
    });
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(20, "heatmap drawn", () -> heatmap.tokenCount() > 0);
    String prediction = Fx.get(() -> robot.lookup("#saliency-prediction").queryAs(Label.class)
        .getText());
    assertTrue(prediction.startsWith("Predicts \u201cpositive\u201d")
        || prediction.startsWith("Predicts \u201cnegative\u201d"), prediction);
  }

  @Test
  void aBrokenCsvListsItsProblemsByLineAndLoadsNothing(FxRobot robot) throws Exception {
    Path csv = dir.resolve("broken.csv");
    Files.writeString(csv, String.join("\n",
        "review,sentiment",
        "great fun,positive",
        "so dull,negative",
        "no label here,",
        "fine film,positive",
        "\"never closed,negative",
        ""), StandardCharsets.UTF_8);
    List<WorkspaceEntry> before = Fx.get(() -> List.copyOf(window.workspace().entries()));
    WorkspaceEntry current = Fx.get(() -> window.workbench().currentDatasetProperty().get());
    openThroughTheToolbar(robot, csv);
    @SuppressWarnings("unchecked")
    ListView<ImportProblem> problems = robot.lookup("#import-problems").queryAs(ListView.class);
    Fx.waitUntil(SLOW, "problems listed", () -> !problems.getItems().isEmpty());
    List<Long> lines = Fx.get(() -> problems.getItems().stream().map(ImportProblem::line)
        .toList());
    assertTrue(lines.contains(4L), "the missing label on line 4: " + lines);
    assertTrue(lines.contains(6L), "the quote opened on line 6: " + lines);
    List<String> shown = Fx.get(() -> robot.lookup("#import-problems .list-cell").queryAll()
        .stream().map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList());
    assertTrue(shown.stream().anyMatch(t -> t.startsWith("Line 4")), shown.toString());
    assertTrue(shown.stream().anyMatch(t -> t.startsWith("Line 6")), shown.toString());
    Button importButton = robot.lookup("#import-ok").queryAs(Button.class);
    assertTrue(Fx.get(importButton::isDisabled));
    String reason = Fx.get(() -> robot.lookup("#import-block-reason").queryAs(Label.class)
        .getText());
    assertTrue(reason.startsWith("Nothing is imported while the file has"), reason);
    assertFalse(Fx.get(() -> robot.lookup("#import-details").query().isVisible()),
        "no stack trace for bad input");

    robot.clickOn("#import-ok"); // disabled: nothing happens
    robot.clickOn("#import-cancel");
    Fx.waitUntil(10, "dialog closed", () -> robot.lookup("#import-dialog").tryQuery().isEmpty());
    assertEquals(before, Fx.get(() -> List.copyOf(window.workspace().entries())));
    assertEquals(current, Fx.get(() -> window.workbench().currentDatasetProperty().get()));
    assertTrue(new SettingsStore(home).load().recentDatasets().isEmpty());
  }

  /** A second workbench window on the same workspace and settings: the next start. */
  private MainWindow restart(FxRobot robot, SettingsStore store) {
    Stage second = Fx.get(Stage::new);
    MainWindow restarted = new MainWindow(new AppServices(new CoreWorkspaceService(workspace),
        null, null), store, new FxTaskRunner(), prompt);
    robot.interact(() -> restarted.show(second));
    return restarted;
  }

  private static WorkspacePanel panelOf(FxRobot robot, MainWindow window) {
    return robot.from(window.split()).lookup("#workspace-panel").queryAs(WorkspacePanel.class);
  }

  @Test
  void aRememberedDatasetWhoseFileIsGoneIsGreyedAndRemovable(FxRobot robot) throws Exception {
    Path gone = dir.resolve("gone.csv");
    SettingsStore store = new SettingsStore(home);
    store.save(AppSettings.defaults().withRecentDatasets(List.of(new RecentDataset(
        gone.toString(), "CSV", ",", "text", "label", null, null, null, null, null, null, null,
        null, null, null))));
    MainWindow restarted = restart(robot, store);
    WorkspacePanel panel = panelOf(robot, restarted);
    Node cell = Fx.get(() -> robot.from(panel).lookup(".tree-cell").queryAll().stream()
        .filter(n -> ((TreeCell<?>) n).getItem() instanceof RecentDatasetsViewModel.RecentItem)
        .findFirst().orElseThrow());
    assertEquals("gone.csv \u2014 file not found", Fx.get(() -> ((TreeCell<?>) cell).getText()));
    assertTrue(cell.getStyleClass().contains(WorkspacePanel.MISSING_STYLE));
    int entries = Fx.get(() -> restarted.workspace().entries().size());
    robot.clickOn(cell); // selects it; a missing file does not open
    assertEquals(entries, (int) Fx.get(() -> restarted.workspace().entries().size()));
    robot.type(KeyCode.DELETE);
    Fx.waitUntil(10, "removed", () -> restarted.recentDatasets().items().isEmpty());
    assertTrue(store.load().recentDatasets().isEmpty());
    assertEquals(entries, (int) Fx.get(() -> restarted.workspace().entries().size()));
  }

  private static RecentDataset remembered(Path file, String text, String label) {
    return new RecentDataset(file.toString(), "CSV", ",", text, label, null, null, null, null,
        "FIRST_APPEARANCE", null, null, null, null, null);
  }

  private static Node recentCell(FxRobot robot, WorkspacePanel panel, String label) {
    return Fx.get(() -> robot.from(panel).lookup(".tree-cell").queryAll().stream()
        .filter(n -> ((TreeCell<?>) n).getItem() instanceof RecentDatasetsViewModel.RecentItem r
            && r.label().equals(label))
        .findFirst().orElseThrow(() -> new AssertionError("no recent entry " + label)));
  }

  @Test
  void aRememberedDatasetOpensWithOneClickAndOneThatBrokeOpensTheDialog(FxRobot robot)
      throws Exception {
    Path good = Files.writeString(dir.resolve("opinions.csv"),
        "body,opinion\nlovely,yes\nawful,no\nfine,yes\n", StandardCharsets.UTF_8);
    Path broken = Files.writeString(dir.resolve("changed.csv"),
        "body,opinion\nlovely,yes\nawful,\n", StandardCharsets.UTF_8);
    SettingsStore store = new SettingsStore(home);
    store.save(AppSettings.defaults().withRecentDatasets(List.of(
        remembered(good, "body", "opinion"), remembered(broken, "body", "opinion"))));
    MainWindow restarted = restart(robot, store);
    WorkspacePanel panel = panelOf(robot, restarted);

    robot.clickOn(recentCell(robot, panel, "opinions.csv"));
    Fx.waitUntil(SLOW, "remembered dataset current", () -> {
      WorkspaceEntry d = restarted.workbench().currentDatasetProperty().get();
      return d != null && d.name().equals("opinions.csv");
    });
    assertTrue(robot.lookup("#import-dialog").tryQuery().isEmpty(), "opened without the dialog");
    String id = Fx.get(() -> restarted.workbench().currentDatasetProperty().get().id());
    assertEquals(List.of("yes", "no"), ((TextDataset) workspace.dataset(id)).classNames(),
        "the remembered column and class order");

    robot.clickOn(recentCell(robot, panel, "changed.csv"));
    Fx.waitUntil(SLOW, "the dialog lists the problem", () ->
        robot.lookup("#import-problems").tryQuery().map(n -> !((ListView<?>) n).getItems()
            .isEmpty()).orElse(false));
    @SuppressWarnings("unchecked")
    ListView<ImportProblem> problems = robot.lookup("#import-problems").queryAs(ListView.class);
    assertEquals(3L, (long) Fx.get(() -> problems.getItems().get(0).line()));
    assertTrue(robot.lookup("#error-dialog").tryQuery().isEmpty(), "no error dialog");
    assertEquals("opinions.csv", Fx.get(() ->
        restarted.workbench().currentDatasetProperty().get().name()));
  }
}
