package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreDatasetEditService;
import io.gradlens.app.core.CoreInfluenceService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.influence.InfluenceView;
import io.gradlens.app.influence.RankedExample;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.cli.InfluenceCommand;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.EditedDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;

/**
 * The Influence tab on the REAL core: the shipped sentiment LSTM on the built-in
 * {@code sentences}. Its proponents and opponents equal those of the {@code influence} command
 * for the same model, dataset and example; relabel/exclude edits are saved in a temporary edits
 * folder, survive a restart (a second workspace over that folder) and can be undone.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class InfluenceGuiTest {

  private static final int SLOW = 240;
  private static final Path MODEL = Path.of("assets/models/sentiment-lstm.gradlens");
  private static final Path EDITS = tempDir("gradlens-influence-edits");
  private static final Path CACHE = tempDir("gradlens-influence-cache");
  /** Shared so ND4J, the model and the precomputation load once for all tests. */
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"), EDITS);
  private static final CoreInfluenceService INFLUENCE = new CoreInfluenceService(WORKSPACE, CACHE);

  private FixedFilePrompt prompt;
  private MainWindow window;

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Start
  void start(Stage stage) throws IOException {
    prompt = new FixedFilePrompt();
    window = new MainWindow(new AppServices(new CoreWorkspaceService(WORKSPACE), null, null)
        .withEdits(new CoreDatasetEditService(WORKSPACE)).withInfluence(INFLUENCE),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void openDefaultsAndShowInfluence(FxRobot robot) {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "predictions listed", () -> {
      var rows = window.dataModel().rows();
      return window.workbench().currentModelProperty().get() != null && !rows.isEmpty()
          && rows.get(0).hasPrediction();
    });
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs().stream()
        .filter(t -> t.getText().equals("Influence")).findFirst().orElseThrow()));
  }

  private InfluenceResult waitForResult(String exampleId) {
    Fx.waitUntil(SLOW, "influence of " + exampleId, () -> {
      InfluenceResult r = window.influenceModel().resultProperty().get();
      return r != null && r.exampleId().equals(exampleId)
          && !window.influenceModel().busyProperty().get();
    });
    return Fx.get(() -> window.influenceModel().resultProperty().get());
  }

  @Test
  void listsTheSameProponentsAndOpponentsAsTheCommandLine(FxRobot robot) throws IOException {
    openDefaultsAndShowInfluence(robot);
    Example chosen = Fx.get(() -> window.dataModel().rows().get(3));
    robot.interact(() -> window.dataModel().select(chosen));
    InfluenceResult shown = waitForResult(chosen.id());
    List<RankedExample> proponents = Fx.get(() -> List.copyOf(window.influenceModel()
        .proponents()));
    List<RankedExample> opponents = Fx.get(() -> List.copyOf(window.influenceModel()
        .opponents()));
    assertEquals(10, proponents.size());
    assertEquals(10, opponents.size());

    int testIndex = Integer.parseInt(chosen.id().substring("test/".length()));
    List<String[]> cli = runCli(testIndex, 10);
    assertTable(cli, "proponent", proponents);
    assertTable(cli, "opponent", opponents);

    // The bar chart shows the same scores: proponents, then opponents from the smallest |score|.
    InfluenceView view = robot.lookup("#influence-view").queryAs(InfluenceView.class);
    assertEquals(20, (int) Fx.get(() -> view.chart().barCount()));
    assertEquals(proponents.get(0).example().score(), Fx.get(() -> view.chart().value(0)), 0);
    assertEquals(opponents.get(0).example().score(), Fx.get(() -> view.chart().value(19)), 0);
    assertTrue(shown.fidelity() > -1 && shown.fidelity() <= 1, "fidelity " + shown.fidelity());
    assertFalse(Fx.get(() -> window.influenceModel().fidelityProperty().get()).isEmpty());

    // A second query reuses the precomputation.
    robot.interact(() -> window.influenceModel().topProperty().set(5));
    Fx.waitUntil(SLOW, "top 5", () -> window.influenceModel().proponents().size() == 5
        && !window.influenceModel().busyProperty().get());
    InfluenceResult again = Fx.get(() -> window.influenceModel().resultProperty().get());
    assertTrue(again.cached());
    System.out.printf("influence query: %.3f ms after a %.1f s precomputation%n",
        again.queryMillis(), again.precomputeSeconds());
  }

  private static List<String[]> runCli(int testIndex, int top) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new CommandLine(new InfluenceCommand()).setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err)).execute("--model", MODEL.toString(), "--dataset",
            "sentences", "--dataset-seed", "0", "--test-index", Integer.toString(testIndex),
            "--top", Integer.toString(top), "--format", "csv", "--no-cache");
    assertEquals(0, code, err.toString());
    List<String[]> rows = new ArrayList<>();
    for (String line : out.toString().split("\\R")) {
      if (!line.isBlank() && !line.startsWith("kind,")) {
        rows.add(line.split(","));
      }
    }
    return rows;
  }

  /** CLI rows {@code kind,rank,train_index,label,score} against the table's rows. */
  private static void assertTable(List<String[]> cli, String kind, List<RankedExample> shown) {
    List<String[]> expected = cli.stream().filter(r -> r[0].equals(kind)).toList();
    assertEquals(expected.size(), shown.size(), kind + "s");
    for (int i = 0; i < shown.size(); i++) {
      String[] e = expected.get(i);
      RankedExample s = shown.get(i);
      assertEquals(Integer.parseInt(e[1]), s.rank());
      assertEquals("train/" + e[2], s.example().exampleId(), kind + " " + (i + 1));
      assertEquals(Double.parseDouble(e[4]), s.example().score(), 1e-6, kind + " " + (i + 1));
    }
  }

  @Test
  void chartAndTablesExportPngSvgAndCsv(FxRobot robot) throws IOException {
    openDefaultsAndShowInfluence(robot);
    waitForResult(Fx.get(() -> window.workbench().currentExampleProperty().get().id()));
    Path dir = Files.createTempDirectory("gradlens-influence-export");
    for (String menu : List.of("influence-export-chart", "influence-export-proponents",
        "influence-export-opponents")) {
      MenuButton button = robot.lookup("#" + menu).queryAs(MenuButton.class);
      for (int i = 0; i < 3; i++) {
        var item = Fx.get(() -> button.getItems()).get(0 + i);
        Path target = dir.resolve(menu + "." + item.getText().toLowerCase());
        prompt.answer(target);
        robot.interact(item::fire);
        assertTrue(Files.size(target) > 0, target.toString());
      }
    }
    List<String> csv = Files.readAllLines(dir.resolve("influence-export-chart.csv"),
        StandardCharsets.UTF_8);
    assertEquals(String.join(",", RankedExample.csvHeader()), csv.get(0));
    assertEquals(21, csv.size());
    assertTrue(Files.readString(dir.resolve("influence-export-opponents.svg")).contains("<svg"));
  }

  @Test
  void relabelAndExcludeSurviveARestartAndCanBeUndone(FxRobot robot) throws IOException {
    Path sentencesFile = Path.of("datasets/sentences.tsv");
    FileTime before = Files.getLastModifiedTime(sentencesFile);
    openDefaultsAndShowInfluence(robot);
    var mislabels = window.mislabelModel();
    robot.interact(() -> robot.lookup("#influence-view").queryAs(InfluenceView.class)
        .showDatasetMode(true));
    robot.interact(mislabels::rank);
    Fx.waitUntil(SLOW, "suspects ranked", () -> mislabels.suspects().size() == 20
        && !mislabels.busyProperty().get());
    RankedExample first = Fx.get(() -> mislabels.suspects().get(0));
    RankedExample second = Fx.get(() -> mislabels.suspects().get(1));
    List<String> classes = Fx.get(() -> List.copyOf(mislabels.classNames()));
    int newLabel = 1 - classes.indexOf(first.example().label());
    robot.interact(() -> mislabels.relabel(first, newLabel));
    robot.interact(() -> mislabels.exclude(second));
    Fx.waitUntil(SLOW, "two edits listed", () -> mislabels.editList().size() == 2);
    assertTrue(Fx.get(() -> mislabels.canUndoProperty().get()));
    assertTrue(Fx.get(() -> mislabels.editFileProperty().get()).startsWith(EDITS.toString()));

    // A restart: a second workspace over the same edits folder reads the same edits.
    CoreWorkspace restarted = new CoreWorkspace(Path.of("assets/models"), EDITS);
    CoreDatasetEditService edits = new CoreDatasetEditService(restarted);
    DatasetEdits saved = edits.edits(GradLensApp.START_DATASET);
    assertEquals(List.of(new DatasetEdit.Relabel(edits.reference(GradLensApp.START_DATASET,
        first.example().exampleId()), newLabel), new DatasetEdit.Exclude(edits.reference(
        GradLensApp.START_DATASET, second.example().exampleId()))), saved.edits());
    EditedDataset edited = restarted.editedDataset(GradLensApp.START_DATASET);
    TextDataset raw = (TextDataset) restarted.rawDataset(GradLensApp.START_DATASET);
    assertEquals(raw.trainSize() - 1, edited.dataset().trainSize());
    int firstIndex = Integer.parseInt(first.example().exampleId().substring(6));
    int position = java.util.Arrays.binarySearch(edited.trainOrigin(), firstIndex);
    assertEquals(newLabel, ((TextDataset) edited.dataset()).train().get(position).label());
    assertNotEquals(newLabel, raw.train().get(firstIndex).label());

    // Undo and redo in the window; then a restarted workspace sees the result and undoes too.
    robot.interact(mislabels::undo);
    Fx.waitUntil(SLOW, "undone", () -> mislabels.editList().size() == 1
        && mislabels.canRedoProperty().get());
    robot.interact(mislabels::redo);
    Fx.waitUntil(SLOW, "redone", () -> mislabels.editList().size() == 2
        && !mislabels.canRedoProperty().get());
    robot.interact(mislabels::undo);
    Fx.waitUntil(SLOW, "undone again", () -> mislabels.editList().size() == 1);
    CoreDatasetEditService later = new CoreDatasetEditService(new CoreWorkspace(
        Path.of("assets/models"), EDITS));
    assertEquals(List.of(saved.edits().get(0)), later.edits(GradLensApp.START_DATASET).edits());
    assertEquals(saved.edits().get(0), later.undo(GradLensApp.START_DATASET).orElseThrow());
    assertTrue(new CoreWorkspace(Path.of("assets/models"), EDITS)
        .journal(GradLensApp.START_DATASET).edits().isEmpty());
    // The window's own list had one edit left; undoing it leaves the shared workspace unedited.
    robot.interact(mislabels::undo);
    Fx.waitUntil(SLOW, "no edits", () -> mislabels.editList().isEmpty());
    assertEquals(before, Files.getLastModifiedTime(sentencesFile), "dataset file untouched");
  }
}
