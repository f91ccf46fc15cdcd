package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreInfluenceService;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreSensitivityService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.influence.RankedExample;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.data.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
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
 * Model–dataset pairing and stale state on the REAL core, driven by the robot: the sentiment
 * LSTM on the speeches of {@code sotu} shows the banner and no predictions; switching between a
 * text, an image and a text-file dataset and their models leaves every view with only the
 * current pair's data.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PairingGuiTest {

  private static final int SLOW = 180;
  private static final Path EDITS;
  private static final CoreWorkspace CORE;

  static {
    try {
      EDITS = Files.createTempDirectory("gradlens-pairing-edits");
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
    CORE = new CoreWorkspace(Path.of("assets/models"), EDITS);
  }

  private final FixedFilePrompt prompt = new FixedFilePrompt();
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    window = new MainWindow(new AppServices(new CoreWorkspaceService(CORE),
        new CoreSaliencyService(CORE), null)
        .withSensitivity(new CoreSensitivityService(CORE))
        .withInfluence(new CoreInfluenceService(CORE,
            Files.createTempDirectory("gradlens-pairing-cache"))),
        new SettingsStore(Files.createTempDirectory("gradlens-pairing-home")), new FxTaskRunner(),
        prompt);
    window.show(stage);
    window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  private String datasetName() {
    var d = window.workbench().currentDatasetProperty().get();
    return d == null ? null : d.name();
  }

  private String modelName() {
    var m = window.workbench().currentModelProperty().get();
    return m == null ? null : m.name();
  }

  /** Waits until the Data tab lists {@code dataset}'s rows for the current model. */
  private List<Example> rowsOf(String dataset, boolean predicted) {
    try {
      waitRows(dataset, predicted);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the workbench shows " + RobotSteps.read(() ->
          datasetName() + " with " + modelName() + ", Data: "
              + window.dataModel().summaryProperty().get() + ", dialogs: "
              + javafx.stage.Window.getWindows().stream().filter(w -> w != stage)
                  .map(w -> w.getScene() == null ? "?" : String.valueOf(w.getScene().getRoot()
                      .lookup(".dialog-pane") instanceof javafx.scene.control.DialogPane d
                      ? d.getHeaderText() + " / " + d.getContentText() : "")).toList()), e);
    }
    return RobotSteps.read(() -> List.copyOf(window.dataModel().allExamples()));
  }

  private void waitRows(String dataset, boolean predicted) {
    RobotSteps.waitUntil(SLOW, dataset + " listed " + (predicted ? "with" : "without") + " predictions",
        () -> window.dataModel().shownDatasetProperty().get() != null
            && dataset.equals(window.dataModel().shownDatasetProperty().get().name())
            && !window.dataModel().allExamples().isEmpty()
            && window.dataModel().allExamples().stream().anyMatch(Example::hasPrediction)
                == predicted
            && window.dataModel().summaryProperty().get().startsWith(dataset + ": "));
  }

  private Label banner(FxRobot robot) {
    return robot.lookup("#pairing-banner").queryAs(Label.class);
  }

  private void waitBanner(FxRobot robot, boolean shown) {
    Label banner = banner(robot);
    RobotSteps.waitUntil(SLOW, "banner " + (shown ? "shown" : "hidden"), () -> banner.isVisible() == shown);
  }

  /** The visible Text-column cells of the Data table that show a thumbnail. */
  private long thumbnails(FxRobot robot) {
    return RobotSteps.read(() -> robot.lookup("#data-table .table-cell").queryAll().stream()
        .filter(c -> c instanceof TableCell<?, ?> t && t.getGraphic() instanceof ImageView)
        .count());
  }

  private SaliencyResult saliencyFor(Example example) {
    RobotSteps.waitUntil(SLOW, "saliency of " + example.text(), () -> {
      SaliencyResult r = window.saliencyModel().resultProperty().get();
      return r != null && !window.saliencyModel().busyProperty().get()
          && example.equals(window.workbench().currentExampleProperty().get())
          && (r.isImage() ? CORE.imageByCaption(example.text()).isPresent()
              && java.util.Arrays.equals(r.image().pixels(),
                  CORE.imageByCaption(example.text()).get())
              : r.tokens().equals(Tokenizer.tokenize(example.text())));
    });
    return RobotSteps.read(() -> window.saliencyModel().resultProperty().get());
  }

  @Test
  void theSentimentModelOnSpeechesShowsTheBannerAndNoPredictions(FxRobot robot) {
    RobotSteps.waitUntil(SLOW, "the LSTM on sentences", () -> "sentiment-lstm".equals(modelName()));
    rowsOf("sentences", true);
    waitBanner(robot, false);
    RobotSteps.clickEntry(robot, "sotu", SLOW);
    waitBanner(robot, true);
    String text = RobotSteps.read(() -> banner(robot).getText());
    assertTrue(text.contains("\u201csentiment-lstm\u201d was not made for \u201csotu\u201d")
        && text.contains("negative, positive") && text.contains("Democratic, Republican"), text);
    rowsOf("sotu", false);
    List<String> predictionCells = RobotSteps.read(() -> robot.lookup("#data-table .table-cell")
        .queryAll().stream().map(c -> (TableCell<?, ?>) c)
        .filter(c -> "Prediction".equals(c.getTableColumn().getText()) && !c.isEmpty())
        .map(TableCell::getText).toList());
    assertFalse(predictionCells.isEmpty());
    assertTrue(predictionCells.stream().allMatch("\u2014"::equals), predictionCells.toString());
    RobotSteps.click(robot, "#tab-saliency");
    RobotSteps.waitUntil(SLOW, "the Saliency tab says why it computes nothing", () ->
        window.saliencyModel().statusProperty().get().contains("Democratic, Republican"));
    assertTrue(robot.lookup("#error-dialog").tryQuery().isEmpty(), "a banner, not a dialog");
    RobotSteps.clickEntry(robot, "sentences", SLOW);
    waitBanner(robot, false);
    List<Example> rows = rowsOf("sentences", true);
    assertTrue(rows.stream().filter(Example::hasPrediction)
        .allMatch(e -> Set.of("negative", "positive").contains(e.prediction())));
  }

  @Test
  void switchingDatasetsAndModelsLeavesOnlyTheCurrentPairInEveryView(FxRobot robot)
      throws IOException {
    Path csv = Files.createTempDirectory("gradlens-pairing").resolve("reviews.csv");
    List<String> lines = new ArrayList<>(List.of("text,label,split"));
    String[] good = {"a wonderful warm film", "great acting and a great story", "loved every minute"};
    String[] bad = {"a dull and tedious film", "terrible acting and a weak story", "hated every minute"};
    for (int r = 0; r < 4; r++) {
      for (int i = 0; i < good.length; i++) {
        String split = r == 3 ? "test" : "train";
        // A CSV numbers its classes: 0 negative, 1 positive (the LSTM's order).
        lines.add(good[i] + (r > 0 ? " " + r : "") + ",1," + split);
        lines.add(bad[i] + (r > 0 ? " " + r : "") + ",0," + split);
      }
    }
    Files.write(csv, lines);
    Set<String> csvTexts = Set.copyOf(lines.subList(1, lines.size()).stream()
        .map(l -> l.substring(0, l.indexOf(','))).toList());

    // 1. Text: the sentences with the LSTM.
    RobotSteps.waitUntil(SLOW, "the LSTM on sentences", () -> "sentiment-lstm".equals(modelName()));
    Example sentence = rowsOf("sentences", true).get(0);
    RobotSteps.click(robot, "#tab-saliency");
    saliencyFor(RobotSteps.read(() -> window.workbench().currentExampleProperty().get()));
    assertFalse(csvTexts.contains(sentence.text()));

    // 2. Images with the text model: captions with thumbnails, no predictions, the banner.
    RobotSteps.click(robot, "#tab-data");
    RobotSteps.clickEntry(robot, "mnist", SLOW);
    List<Example> digits = rowsOf("mnist", false);
    assertTrue(digits.stream().allMatch(e -> e.text().startsWith("mnist test image #")));
    waitBanner(robot, true);
    RobotSteps.waitUntil(SLOW, "thumbnails of the digits", () -> thumbnails(robot) > 0);

    // 3. Their model: predictions named by its classes, an image saliency, a sensitivity.
    RobotSteps.clickEntry(robot, "mnist-cnn", SLOW);
    waitBanner(robot, false);
    List<Example> predicted = rowsOf("mnist", true);
    assertTrue(predicted.stream().allMatch(e -> e.prediction().matches("[0-9]")));
    RobotSteps.click(robot, "#tab-saliency");
    assertTrue(saliencyFor(RobotSteps.read(() -> window.workbench().currentExampleProperty().get()))
        .isImage());
    RobotSteps.click(robot, "#tab-sensitivity");
    RobotSteps.waitUntil(SLOW, "Sensitivity view", () ->
        robot.lookup("#sensitivity-compute").tryQuery().isPresent());
    robot.interact(() -> window.sensitivityModel().modelProperty().set(null));
    robot.interact(() -> window.sensitivityModel().rowsProperty().set(20));
    RobotSteps.click(robot, "#sensitivity-compute");
    RobotSteps.waitUntil(SLOW, "sensitivity on mnist", () ->
        window.sensitivityModel().resultProperty().get() != null
            && "mnist".equals(window.sensitivityModel().resultProperty().get().dataset()));
    RobotSteps.click(robot, "#tab-data");
    RobotSteps.click(robot, "#data-search");
    robot.write("image #1");
    RobotSteps.waitUntil(10, "search applied", () -> window.dataModel().rows().size()
        < window.dataModel().allExamples().size());

    // 4. A text file while the image model is current: text rows, no thumbnail, no prediction,
    //    no search of the digits, no sensitivity of mnist.
    prompt.answer(csv);
    RobotSteps.click(robot, "#tool-open-dataset");
    // A CSV opens through the import dialog: its guess (text, label) is right, so Import.
    RobotSteps.waitUntil(SLOW, "the import dialog, ready", () -> robot.lookup("#import-ok")
        .tryQuery().map(b -> !b.isDisabled()).orElse(false));
    RobotSteps.click(robot, "#import-ok");
    List<Example> reviews = rowsOf("reviews.csv", false);
    assertTrue(reviews.stream().allMatch(e -> csvTexts.contains(e.text())), reviews.toString());
    waitBanner(robot, true);
    assertEquals("", RobotSteps.read(() -> robot.lookup("#data-search").queryAs(TextField.class)
        .getText()), "the search of another dataset is gone");
    assertEquals(reviews.size(), (int) RobotSteps.read(() -> window.dataModel().rows().size()));
    RobotSteps.waitUntil(10, "rows drawn", () -> robot.lookup("#data-table .table-row-cell")
        .queryAll().stream().anyMatch(r -> !((javafx.scene.control.TableRow<?>) r).isEmpty()));
    assertEquals(0, thumbnails(robot), "no digit beside a text row");
    assertNull(RobotSteps.read(() -> window.sensitivityModel().resultProperty().get()),
        "the sensitivity of mnist is not shown for reviews.csv");
    assertEquals("", RobotSteps.read(() -> window.dataModel().accuracyChangeProperty().get()));

    assertTrue(reviews.stream().allMatch(e -> Set.of("0", "1").contains(e.label())));

    // 5. The text model on the file: its predictions, saliency and influence of this file; the
    //    file's numbered classes are shown under the model's names, and the banner says so.
    RobotSteps.clickEntry(robot, "sentiment-lstm", SLOW);
    Label banner = banner(robot);
    RobotSteps.waitUntil(SLOW, "the numbered classes named", () -> banner.isVisible()
        && banner.getText().contains("numbers its classes 0, 1"));
    assertTrue(RobotSteps.read(() -> banner.getStyleClass().contains(
        io.gradlens.app.pairing.PairingBanner.WARNING)), "a warning, not a refusal");
    List<Example> scored = rowsOf("reviews.csv", true);
    assertTrue(scored.stream().allMatch(e -> Set.of("negative", "positive")
        .contains(e.prediction()) && Set.of("negative", "positive").contains(e.label())),
        scored.toString());
    RobotSteps.click(robot, "#tab-saliency");
    saliencyFor(RobotSteps.read(() -> window.workbench().currentExampleProperty().get()));
    RobotSteps.click(robot, "#tab-influence");
    Example explained = RobotSteps.read(() -> window.workbench().currentExampleProperty().get());
    RobotSteps.waitUntil(SLOW, "influence on the file", () ->
        window.influenceModel().resultProperty().get() != null
            && !window.influenceModel().busyProperty().get()
            && explained.id().equals(window.influenceModel().resultProperty().get().exampleId()));
    List<String> influential = RobotSteps.read(() -> window.influenceModel().proponents().stream()
        .map(RankedExample::example).map(io.gradlens.app.service.InfluentialExample::text)
        .toList());
    assertFalse(influential.isEmpty());
    assertTrue(csvTexts.containsAll(influential), influential.toString());
    assertTrue(RobotSteps.read(() -> window.influenceModel().subjectProperty().get())
        .contains(explained.text()));

    // 6. Back to the built-in sentences: their rows, nothing of the file.
    RobotSteps.click(robot, "#tab-data");
    RobotSteps.clickEntry(robot, "sentences", SLOW);
    List<Example> again = rowsOf("sentences", true);
    waitBanner(robot, false);
    assertTrue(again.stream().noneMatch(e -> csvTexts.contains(e.text())));
    assertArrayEquals(new String[] {sentence.text()}, new String[] {again.get(0).text()});
    assertEquals(0, thumbnails(robot));
  }
}
