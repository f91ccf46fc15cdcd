package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.train.DatasetPreparation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The workbench on the REAL core, headless: the shipped sentiment LSTM on the built-in
 * {@code sentences}, a tiny dataset file, one epoch of a tiny model, exports and a broken model.
 * One workspace is shared by the tests so ND4J and the bundle load once.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CoreWorkbenchGuiTest {

  /** Generous: the first test pays for ND4J's start and the model load on a busy machine. */
  private static final int SLOW = 120;
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));

  @TempDir
  Path dir;
  private FixedFilePrompt prompt;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    prompt = new FixedFilePrompt();
    // The workspace is shared: start every test from the shipped LSTM as the current model.
    WORKSPACE.selectModel(WORKSPACE.entry(GradLensApp.START_MODEL).orElseThrow());
    Path home = Files.createTempDirectory("gradlens-home");
    window = new MainWindow(new AppServices(new CoreWorkspaceService(WORKSPACE),
        new CoreSaliencyService(WORKSPACE), new CoreTrainingService(WORKSPACE,
            new DatasetPreparation.Options(2000, 1, 20, 0))),
        new SettingsStore(home), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void openDefaults(FxRobot robot) {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "model selected", () ->
        window.workbench().currentModelProperty().get() != null);
    Fx.waitUntil(SLOW, "predictions listed", () -> {
      var rows = window.dataModel().rows();
      return !rows.isEmpty() && rows.get(0).hasPrediction();
    });
    Fx.waitUntil(SLOW, "saliency shown", () -> {
      SaliencyResult r = window.saliencyModel().resultProperty().get();
      Example e = window.workbench().currentExampleProperty().get();
      return r != null && e != null && e.hasPrediction() && !window.saliencyModel()
          .busyProperty().get();
    });
  }

  private SaliencyResult result() {
    return Fx.get(() -> window.saliencyModel().resultProperty().get());
  }

  private void showTab(FxRobot robot, String name) {
    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals(name)).findFirst().orElseThrow()));
  }

  @Test
  void startsOnSentencesWithTheShippedLstmAndShowsAHeatmap(FxRobot robot) {
    openDefaults(robot);
    assertEquals("sentences", Fx.get(() ->
        window.workbench().currentDatasetProperty().get().name()));
    assertEquals("sentiment-lstm", Fx.get(() ->
        window.workbench().currentModelProperty().get().name()));
    // The first test sentence is selected and explained.
    Example first = Fx.get(() -> window.dataModel().rows().get(0));
    assertEquals(first, Fx.get(() -> window.workbench().currentExampleProperty().get()));
    assertEquals(600, (int) Fx.get(() -> window.dataModel().rows().size()));
    long correct = Fx.get(() -> window.dataModel().rows().stream().filter(Example::correct)
        .count());
    assertTrue(correct > 420, "shipped model accuracy on the test split: " + correct + "/600");
    showTab(robot, "Saliency");
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(10, "tokens drawn", () -> heatmap.tokenCount() > 0);
    assertEquals(result().tokens().size(), (int) Fx.get(heatmap::tokenCount));
    assertEquals(List.of("negative", "positive"), result().classNames());
    // Both shipped models are listed.
    List<String> models = Fx.get(() -> window.workspace().entries().stream()
        .filter(e -> e.kind() == WorkspaceEntry.Kind.MODEL).map(WorkspaceEntry::name).toList());
    assertTrue(models.containsAll(List.of("sentiment-lstm", "mnist-cnn")), models.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void switchingMethodTargetAndExportingPngAndSvg(FxRobot robot) throws IOException {
    openDefaults(robot);
    showTab(robot, "Saliency");
    int runs = Fx.get(() -> window.saliencyModel().completedRunsProperty().get());
    ComboBox<SaliencyMethod> method = robot.lookup("#method").queryAs(ComboBox.class);
    robot.interact(() -> method.setValue(SaliencyMethod.INTEGRATED_GRADIENTS));
    robot.interact(() -> window.saliencyModel().targetClassProperty().set(0));
    Fx.waitUntil(SLOW, "IG for class 0", () -> {
      SaliencyResult r = window.saliencyModel().resultProperty().get();
      return window.saliencyModel().completedRunsProperty().get() > runs && r != null
          && r.method().equals("Integrated Gradients") && r.targetClass() == 0
          && !window.saliencyModel().busyProperty().get();
    });
    Path png = dir.resolve("heatmap.png");
    Path svg = dir.resolve("heatmap.svg");
    prompt.answer(png);
    robot.clickOn("#export-png");
    prompt.answer(svg);
    robot.clickOn("#export-svg");
    Fx.waitUntil(10, "files written", () -> Files.exists(png) && Files.exists(svg));
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image);
    assertTrue(image.getWidth() > 50 && image.getHeight() > 10);
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
    String word = result().tokens().get(0);
    assertTrue(text.contains(word), "SVG names the token " + word);
  }

  @Test
  void opensADatasetFileAndTrainsOneEpochOfATinyModel(FxRobot robot) throws IOException {
    Path file = dir.resolve("tiny.tsv");
    List<String> lines = new ArrayList<>(List.of("text\tlabel"));
    String[] good = {"great fun film", "a lovely story", "wonderful and moving", "i loved it"};
    String[] bad = {"boring and dull", "a terrible mess", "awful acting", "i hated it"};
    for (int i = 0; i < 10; i++) {
      lines.add(good[i % 4] + " " + i + "\t1");
      lines.add(bad[i % 4] + " " + i + "\t0");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    robot.interact(() -> window.workspace().openDataset(file));
    Fx.waitUntil(SLOW, "tiny dataset listed", () ->
        window.workbench().currentDatasetProperty().get() != null
            && window.workbench().currentDatasetProperty().get().name().equals("tiny.tsv")
            && !window.dataModel().rows().isEmpty());
    int before = Fx.get(() -> window.workspace().entries().size());

    showTab(robot, "Training");
    robot.interact(() -> {
      var t = window.trainingModel();
      t.architectureProperty().set(Architecture.MLP);
      t.embeddingSizeProperty().set(8);
      t.hiddenSizeProperty().set(8);
      t.unitsProperty().set(8);
      t.epochsProperty().set(1);
      t.batchSizeProperty().set(4);
    });
    robot.clickOn("#train-start");
    Fx.waitUntil(SLOW, "training finished", () ->
        !window.trainingModel().runningProperty().get()
            && window.trainingModel().epochMetrics().size() == 1);
    assertFalse(Fx.get(() -> window.trainingModel().batchMetrics().isEmpty()));
    Fx.waitUntil(SLOW, "trained model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && m.origin() == WorkspaceEntry.Origin.TRAINED;
    });
    assertEquals(before + 1, (int) Fx.get(() -> window.workspace().entries().size()));

    // Save… writes a bundle that opens again.
    Path bundle = dir.resolve("tiny.gradlens");
    prompt.answer(bundle);
    robot.interact(() -> window.saveModel());
    Fx.waitUntil(SLOW, "bundle saved", () -> Files.exists(bundle));
    assertEquals(List.of("0", "1"), io.gradlens.io.ModelBundle.read(bundle).classNames());

    // Whole-dataset saliency export, JSON Lines and CSV, in the background.
    int n = Fx.get(() -> window.dataModel().allExamples().size());
    Path jsonl = dir.resolve("saliency.jsonl");
    Path csv = dir.resolve("saliency.csv");
    prompt.answer(jsonl);
    robot.interact(() -> window.exportDatasetSaliency());
    Fx.waitUntil(SLOW, "JSONL written", () -> Files.exists(jsonl));
    List<String> json = Files.readAllLines(jsonl);
    assertEquals(n, json.size());
    assertTrue(json.get(0).contains("\"scores\":[") && json.get(0).contains("\"model\":"),
        json.get(0));
    prompt.answer(csv);
    robot.interact(() -> window.exportDatasetSaliency());
    Fx.waitUntil(SLOW, "CSV written", () -> Files.exists(csv));
    assertEquals(io.gradlens.export.AttributionCsv.HEADER, Files.readAllLines(csv).get(0));
  }

  @Test
  void anImageModelBringsItsDatasetAndShowsInputHeatmapAndOverlay(FxRobot robot) {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, "shipped:mnist-cnn"));
    Fx.waitUntil(SLOW, "switched to mnist", () ->
        window.workbench().currentDatasetProperty().get() != null
            && window.workbench().currentDatasetProperty().get().name().equals("mnist")
            && window.workbench().currentModelProperty().get() != null);
    Fx.waitUntil(SLOW, "image explained", () -> {
      SaliencyResult r = window.saliencyModel().resultProperty().get();
      return r != null && r.isImage() && !window.saliencyModel().busyProperty().get();
    });
    long correct = Fx.get(() -> window.dataModel().rows().stream().filter(Example::correct)
        .count());
    assertTrue(correct > 1800, "shipped CNN accuracy on the test split: " + correct + "/2000");
    showTab(robot, "Saliency");
    var view = robot.lookup("#saliency-image").queryAs(
        io.gradlens.app.heatmap.ImageHeatmapView.class);
    assertTrue(Fx.get(view::isVisible));
    assertNotNull(Fx.get(view::heatmapImage));
    assertEquals(28 * 6, Fx.get(() -> view.heatmapImage().getWidth()), 0.5);
    assertEquals(784, result().scores().length);
    for (String id : List.of("#image-original", "#image-heatmap", "#image-overlay")) {
      assertTrue(robot.lookup(id).tryQuery().isPresent(), id);
    }
    showTab(robot, "Data");
    Fx.waitUntil(SLOW, "thumbnails in the data table", () -> Fx.get(() -> robot.lookup("#data-table")
        .lookup(".table-cell").queryAll().stream().anyMatch(cell -> cell instanceof
            javafx.scene.control.TableCell<?, ?> c && c.getGraphic() instanceof javafx.scene.image.ImageView v
            && v.getImage().getWidth() == 28)));
  }

  /**
   * Compare with offers only the other models that can read the dataset: with the shipped models
   * on the sentences none (the LSTM is current, the MNIST CNN reads images, the price model is no
   * classifier), so the list is empty. Compare mode itself: FixReasonsGuiTest (real core) and
   * SaliencyCompareGuiTest.
   */
  @Test
  void compareOffersNoModelThatCannotReadTheDataset(FxRobot robot) {
    openDefaults(robot);
    showTab(robot, "Saliency");
    Fx.waitUntil(SLOW, "compare choices checked", () ->
        window.saliencyModel().choicesCheckedProperty().get()
            && window.workspace().entries().stream().filter(e ->
                e.kind() == WorkspaceEntry.Kind.MODEL).count() >= 3);
    assertEquals(List.of(), Fx.get(() -> List.copyOf(window.saliencyModel().compareChoices())));
    robot.clickOn("#compare-model");
    assertTrue(Fx.get(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
        .noneMatch(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
            && !l.getText().isEmpty())), "no model listed");
    robot.clickOn("#compare-model");
    assertFalse(robot.lookup("#compare-pane").query().isVisible());
  }

  @Test
  void aBrokenModelFileShowsTheErrorDialogAndTheAppStillWorks(FxRobot robot) throws IOException {
    openDefaults(robot);
    SaliencyResult before = result();
    Path broken = dir.resolve("broken.gradlens");
    Files.write(broken, new byte[] {'P', 'K', 3, 4, 42, 42, 42});
    robot.interact(() -> window.workspace().openModel(broken));
    Fx.waitUntil(SLOW, "error dialog", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
    String message = Fx.get(dialog::getContentText);
    assertFalse(message.isBlank());
    assertFalse(message.contains("\n"), message);
    assertTrue(Fx.get(() -> dialog.getExpandableContent() != null));
    robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    // Nothing was lost, and the app still explains.
    assertEquals("sentiment-lstm", Fx.get(() ->
        window.workbench().currentModelProperty().get().name()));
    assertEquals(before, result());
    int runs = Fx.get(() -> window.saliencyModel().completedRunsProperty().get());
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(3));
    Fx.waitUntil(SLOW, "new explanation", () ->
        window.saliencyModel().completedRunsProperty().get() > runs);
  }
}
