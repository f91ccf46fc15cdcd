package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.corpus.MappedMapView;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.hidden.StepChart;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.workflow.corpus.CorpusHiddenState;
import io.gradlens.workflow.corpus.CorpusSaliency;
import io.gradlens.workflow.corpus.MergedCorpusFixtures;
import io.gradlens.workflow.corpus.MergedCorpusResults;
import io.gradlens.workflow.shard.CorpusFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Open corpus results… opens merged job folders in the Corpus tab: hidden-grad shows the
 * document count, the mean curve with the merged values, the map sampled at no more than its
 * displayed size and the documents table; saliency shows the examples and the selected example's
 * tokens; an unmerged folder says what to run.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CorpusResultsGuiTest {

  @TempDir
  static Path dir;
  static Path hidden;
  static Path saliency;
  private final FixedFilePrompt prompt = new FixedFilePrompt();
  private Stage stage;

  @BeforeAll
  static void jobs() throws Exception {
    hidden = MergedCorpusFixtures.hiddenGrad(dir, 2);
    saliency = MergedCorpusFixtures.saliency(dir);
  }

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    FakeWorkspaceService workspace = new FakeWorkspaceService();
    MainWindow window = new MainWindow(new AppServices(workspace, new FakeTextSaliencyService(),
        new FakeTrainingService(0, workspace)), new SettingsStore(Files.createTempDirectory("gradlens-home")),
        new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void closeDialogs() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void openFromMenu(FxRobot robot, Path folder) {
    prompt.answer(folder);
    fileMenu(robot, "menu-open-corpus");
  }

  private void fileMenu(FxRobot robot, String id) {
    MenuBar bar = (MenuBar) stage.getScene().lookup("#menu-bar");
    MenuItem item = Fx.get(() -> bar.getMenus().stream().filter(m -> m.getText().equals("File"))
        .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
        .findFirst().orElseThrow());
    robot.interact(item::fire);
  }

  @Test
  void aMergedHiddenGradFolderShowsItsDocumentsCurveAndMap(FxRobot robot) throws Exception {
    openFromMenu(robot, hidden);
    Fx.waitUntil(60, "the hidden-grad pane", () -> robot.lookup("#corpus-documents").tryQuery().isPresent());
    CorpusHiddenState expected = (CorpusHiddenState) MergedCorpusResults.open(hidden);
    String count = Fx.get(() -> robot.lookup("#corpus-documents").queryAs(Label.class).getText());
    assertTrue(count.startsWith(CorpusFixtures.TEST_DOCS + " documents, T = " + expected.steps()), count);

    StepChart curve = robot.lookup("#corpus-curve").queryAs(StepChart.class);
    XYSeries line = Fx.get(() -> curve.lines().getSeries(0));
    double[] mean = expected.meanCurve();
    assertEquals(mean.length, line.getItemCount());
    for (int t = 0; t < mean.length; t++) {
      assertEquals(mean[t], line.getY(t).doubleValue(), 0.0, "step " + t);
    }

    MappedMapView map = robot.lookup("#corpus-map").queryAs(MappedMapView.class);
    Fx.waitUntil(10, "the map drawn", () -> map.renderedRows() > 0);
    double shown = Fx.get(() -> Math.min(map.getWidth(), map.getHeight()));
    int rows = Fx.get(map::renderedRows);
    assertTrue(rows <= Math.min(expected.steps(), shown), rows + " rows sampled for " + shown + " px");
    assertEquals(Math.min(expected.steps(), (int) shown), rows);

    @SuppressWarnings("unchecked")
    TableView<CorpusHiddenState.Document> table = robot.lookup("#corpus-documents-table").queryAs(TableView.class);
    assertEquals(CorpusFixtures.TEST_DOCS, (int) Fx.get(() -> table.getItems().size()));
    robot.interact(() -> table.getSelectionModel().select(3));
    StepChart row = robot.lookup("#corpus-row").queryAs(StepChart.class);
    double[] top = expected.topRow(3, 0);
    XYSeries drawn = Fx.get(() -> row.lines().getSeries(0));
    assertEquals(top.length, drawn.getItemCount());
    assertEquals(top[top.length - 1], drawn.getY(top.length - 1).doubleValue(), 0.0);

    Path svg = dir.resolve("corpus-curve.svg");
    prompt.answer(svg);
    fileMenu(robot, "menu-export");
    Fx.waitUntil(10, "the exported curve", () -> Files.isRegularFile(svg));
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg") && text.contains("Mean gradient curve over the corpus"),
        text.substring(0, Math.min(200, text.length())));
  }

  @Test
  void aMergedSaliencyFolderShowsItsExamplesAndTheSelectedTokens(FxRobot robot) throws Exception {
    openFromMenu(robot, saliency);
    Fx.waitUntil(60, "the saliency pane", () -> robot.lookup("#corpus-examples").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<CorpusSaliency.Example> table = robot.lookup("#corpus-examples").queryAs(TableView.class);
    assertEquals(CorpusFixtures.TEST_DOCS, (int) Fx.get(() -> table.getItems().size()));
    String count = Fx.get(() -> robot.lookup("#corpus-documents").queryAs(Label.class).getText());
    assertTrue(count.startsWith(CorpusFixtures.TEST_DOCS + " documents"), count);
    robot.interact(() -> table.getSelectionModel().select(2));
    CorpusSaliency.Example e = ((CorpusSaliency) MergedCorpusResults.open(saliency)).example(2);
    assertEquals(e.predicted() == 0 ? "negative" : "positive",
        Fx.get(() -> table.getColumns().get(1).getCellData(2)), "predictions by the model's class names");
    TokenHeatmapView heatmap = robot.lookup("#corpus-tokens").queryAs(TokenHeatmapView.class);
    assertEquals(e.tokens().size(), (int) Fx.get(heatmap::tokenCount));
    assertEquals(e.tokens().get(0), Fx.get(() -> ((Label) robot.lookup("#corpus-tokens .token").nth(0).query())
        .getText()));
  }

  @Test
  void anUnmergedFolderSaysWhatToRun(FxRobot robot) throws Exception {
    Path unmerged = MergedCorpusFixtures.unmergedHiddenGrad(dir);
    openFromMenu(robot, unmerged);
    Fx.waitUntil(60, "the failure", () -> robot.lookup("#corpus-status").queryAs(Label.class).getText()
        .contains("run gradlens merge"));
    assertTrue(robot.lookup("#corpus-documents").tryQuery().isEmpty());
  }
}
