package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.settings.AppSettings;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window against fake services, headless. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {

  private FakeWorkspaceService workspace;
  private FakeTextSaliencyService saliency;
  private FixedFilePrompt prompt;
  private Path home;
  private Path out;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    home = Files.createTempDirectory("gradlens-home");
    out = Files.createTempDirectory("gradlens-out");
    workspace = new FakeWorkspaceService();
    saliency = new FakeTextSaliencyService();
    prompt = new FixedFilePrompt();
    window = new MainWindow(new AppServices(workspace, saliency,
        new FakeTrainingService(0, workspace)), new SettingsStore(home), new FxTaskRunner(),
        prompt);
    window.show(stage);
  }

  @AfterEach
  void closeDialogs() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void openTinyAndSelect(FxRobot robot, int row) {
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.MODEL));
    Fx.waitUntil(5, "model current", () -> window.workbench().currentModelProperty().get() != null);
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.TINY));
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    Fx.waitUntil(5, "examples loaded", () -> table.getItems().size() == 6);
    Fx.waitUntil(5, "rows rendered", () ->
        robot.lookup("#data-table .table-row-cell").nth(row).tryQuery().isPresent());
    Node cell = robot.lookup("#data-table .table-row-cell").nth(row).query();
    robot.clickOn(cell);
    robot.interact(() -> window.tabs().getSelectionModel().select(
        window.tabs().getTabs().stream().filter(t -> t.getText().equals("Saliency"))
            .findFirst().orElseThrow()));
  }

  private SaliencyResult result() {
    return Fx.get(() -> window.saliencyModel().resultProperty().get());
  }

  @Test
  void atStartTheFirstExampleIsExplainedOnlyOnceItsModelIsCurrent(FxRobot robot) throws Exception {
    workspace.holdModels(); // the shipped model loads slowly, as ND4J's first start does
    robot.interact(() -> window.openAtStart(FakeWorkspaceService.TINY.id(),
        FakeWorkspaceService.MODEL.id()));
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    Fx.waitUntil(5, "examples loaded", () -> table.getItems().size() == 6);
    robot.interact(() -> table.getSelectionModel().select(0));
    Thread.sleep(300);
    assertEquals(0, saliency.calls(), "nothing is explained before the model is current");
    assertTrue(Fx.get(() -> window.saliencyModel().statusProperty().get()).startsWith("Select a model"),
        Fx.get(() -> window.saliencyModel().statusProperty().get()));
    workspace.releaseModels();
    Fx.waitUntil(5, "saliency result", () -> window.saliencyModel().resultProperty().get() != null);
    assertEquals(1, saliency.calls(), "explained once, with the model");
  }

  @Test
  void tabsAreOnlyThoseThatWork(FxRobot robot) {
    assertEquals(List.of("Data", "Training", "Saliency"), Fx.get(() ->
        window.tabs().getTabs().stream().map(t -> t.getText()).toList()));
    assertTrue(robot.lookup("#status-bar").tryQuery().isPresent());
    assertTrue(robot.lookup("#menu-bar").tryQuery().isPresent());
  }

  @Test
  void heatmapShowsOneLabelPerToken(FxRobot robot) {
    openTinyAndSelect(robot, 0);
    Fx.waitUntil(5, "saliency result", () -> window.saliencyModel().resultProperty().get() != null);
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    int expected = FakeTextSaliencyService.tokenize("a great and moving film").size();
    assertEquals(5, expected);
    assertEquals(expected, (int) Fx.get(heatmap::tokenCount));
    assertEquals(expected, robot.lookup("#saliency-heatmap .token").queryAll().size());
    assertEquals("great", Fx.get(() -> ((Label) robot.lookup("#saliency-heatmap .token")
        .nth(1).query()).getText()));
  }

  @Test
  void changingMethodAndTargetRecomputes(FxRobot robot) {
    openTinyAndSelect(robot, 0);
    Fx.waitUntil(5, "first result", () -> window.saliencyModel().resultProperty().get() != null);
    int runs = Fx.get(() -> window.saliencyModel().completedRunsProperty().get());
    assertEquals("Gradient", result().method());

    @SuppressWarnings("unchecked")
    ComboBox<SaliencyMethod> method = robot.lookup("#method").queryAs(ComboBox.class);
    robot.interact(() -> method.setValue(SaliencyMethod.INTEGRATED_GRADIENTS));
    Fx.waitUntil(5, "IG result", () -> "Integrated Gradients".equals(
        window.saliencyModel().resultProperty().get().method()));
    assertTrue(!robot.lookup("#ig-steps").query().isDisabled()
        && robot.lookup("#ig-steps").query().isVisible(), "steps enabled for IG");
    assertEquals(3.0 * "a".length(), result().scores()[0] * (result().targetClass() == 0 ? -1 : 1),
        1e-12);

    ComboBox<?> target = robot.lookup("#target").queryAs(ComboBox.class);
    assertEquals(3, (int) Fx.get(() -> target.getItems().size()), "predicted + 2 classes");
    robot.interact(() -> target.getSelectionModel().select(1)); // class 0, "negative"
    Fx.waitUntil(5, "target 0", () ->
        window.saliencyModel().resultProperty().get().targetClass() == 0);
    assertEquals(0, saliency.lastRequest().targetClass());
    assertTrue(Fx.get(() -> window.saliencyModel().completedRunsProperty().get()) >= runs + 2);
  }

  @Test
  void exportsPngSvgAndCsv(FxRobot robot) throws IOException {
    openTinyAndSelect(robot, 0);
    Fx.waitUntil(5, "result", () -> window.saliencyModel().resultProperty().get() != null);
    Fx.waitUntil(5, "export enabled", () ->
        !robot.lookup("#export-png").queryAs(Button.class).isDisabled());

    Path png = out.resolve("heat.png");
    prompt.answer(png);
    robot.clickOn("#export-png");
    Fx.waitUntil(5, "png written", () -> Files.exists(png));
    BufferedImage img = ImageIO.read(png.toFile());
    TokenHeatmapView heatmap = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    assertEquals(Math.round(Fx.get(() -> heatmap.getLayoutBounds().getWidth())),
        img.getWidth(), 1.0);
    assertTrue(img.getHeight() > 10);

    Path svg = out.resolve("heat.svg");
    prompt.answer(svg);
    robot.clickOn("#export-svg");
    Fx.waitUntil(5, "svg written", () -> Files.exists(svg));
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg"));
    assertTrue(text.contains("great"), "token text in the SVG");

    Path csv = out.resolve("scores");
    prompt.answer(csv);
    robot.clickOn("#export-csv");
    Path written = out.resolve("scores.csv");
    Fx.waitUntil(5, "csv written", () -> Files.exists(written));
    List<String> lines = Files.readAllLines(written);
    assertEquals("index,token,score,normalized", lines.get(0));
    assertEquals(6, lines.size());
  }

  @Test
  void failingServiceShowsDialogAndAppKeepsWorking(FxRobot robot) {
    openTinyAndSelect(robot, 0);
    Fx.waitUntil(5, "result", () -> window.saliencyModel().resultProperty().get() != null);
    assertNotNull(result());
    saliency.setFailing(true);
    @SuppressWarnings("unchecked")
    ComboBox<SaliencyMethod> method = robot.lookup("#method").queryAs(ComboBox.class);
    robot.interact(() -> method.setValue(SaliencyMethod.SMOOTHGRAD));
    Fx.waitUntil(5, "error dialog", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
    assertEquals("Fake saliency failure: gradients exploded", Fx.get(dialog::getContentText));
    assertTrue(Fx.get(() -> dialog.getExpandableContent() != null));
    robot.interact(() -> dialog.setExpanded(true));
    TextArea details = robot.lookup("#error-details").queryAs(TextArea.class);
    assertTrue(Fx.get(details::getText).contains("IllegalStateException"));
    // The data the user had is still there; the failed request's map is not faked by the old one.
    assertNull(result(), "no map of the earlier request under the failure");
    assertEquals(6, (int) Fx.get(() -> robot.lookup("#data-table").queryAs(TableView.class)
        .getItems().size()));
    robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    Fx.waitUntil(5, "dialog closed", () -> robot.lookup("#error-dialog").tryQuery().isEmpty());

    saliency.setFailing(false);
    robot.interact(() -> method.setValue(SaliencyMethod.GRADIENT_X_INPUT));
    Fx.waitUntil(5, "recovered", () -> "Gradient \u00d7 Input".equals(
        window.saliencyModel().resultProperty().get().method()));
  }

  @Test
  void tokenTextIsLiteral(FxRobot robot) {
    openTinyAndSelect(robot, 4);
    Fx.waitUntil(5, "result", () -> window.saliencyModel().resultProperty().get() != null);
    List<String> texts = Fx.get(() -> robot.lookup("#saliency-heatmap .token").queryAll()
        .stream().map(n -> ((Label) n).getText()).toList());
    assertEquals(List.of("<b>bold</b>", "&", "_under_", "tokens", "stay", "literal"), texts);
  }

  @Test
  void droppedFilesOpenAndPersistWithGeometry(FxRobot robot) throws IOException {
    Path csv = out.resolve("reviews.csv");
    Files.writeString(csv, "text,label\n");
    robot.interact(() -> window.openFiles(List.of(csv.toFile(), new File("notes.gif"))));
    Fx.waitUntil(5, "dataset opened", () -> workspace.opened().contains(csv));
    Fx.waitUntil(5, "unknown type reported",
        () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    robot.interact(() -> {
      stage.setWidth(900);
      stage.setHeight(700);
      window.split().setDividerPositions(0.3);
      window.saveState();
    });
    AppSettings saved = new SettingsStore(home).load();
    assertEquals(900, saved.window().width(), 1);
    assertEquals(700, saved.window().height(), 1);
    assertEquals(0.3, saved.dividerPositions()[0], 0.02);
    assertEquals(List.of(csv.toAbsolutePath().toString()), saved.recentFiles());

    // A second window with the same settings restores size and dividers.
    Stage second = Fx.get(Stage::new);
    MainWindow restored = new MainWindow(new AppServices(workspace, null, null),
        new SettingsStore(home), new FxTaskRunner(), prompt);
    robot.interact(() -> restored.show(second));
    Fx.waitUntil(5, "dividers restored", () ->
        Math.abs(restored.split().getDividerPositions()[0] - 0.3) < 0.02);
    assertEquals(900, Fx.get(second::getWidth), 1);
    assertEquals(List.of("Data"), Fx.get(() ->
        restored.tabs().getTabs().stream().map(t -> t.getText()).toList()));
    robot.interact(second::close);
  }

  @Test
  void dataTableSortsFiltersAndExportsWithShortcut(FxRobot robot) throws IOException {
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.MODEL));
    Fx.waitUntil(5, "model", () -> window.workbench().currentModelProperty().get() != null);
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.TINY));
    @SuppressWarnings("unchecked")
    TableView<Example> table = robot.lookup("#data-table").queryAs(TableView.class);
    Fx.waitUntil(5, "examples with predictions", () -> table.getItems().size() == 6
        && table.getItems().get(0).hasPrediction());
    robot.interact(() -> {
      TableColumn<Example, ?> confidence = table.getColumns().get(3);
      confidence.setSortType(TableColumn.SortType.DESCENDING);
      table.getSortOrder().setAll(List.of(confidence));
    });
    assertEquals(0.97, Fx.get(() -> table.getItems().get(0).confidence()), 1e-12);
    robot.clickOn("#data-search").write("the");
    Fx.waitUntil(5, "search applied", () -> table.getItems().size() == 1);
    robot.interact(() -> window.dataModel().searchProperty().set(""));
    robot.clickOn("#data-misclassified");
    Fx.waitUntil(5, "misclassified only", () -> table.getItems().size() == 2);

    Path csv = out.resolve("wrong.csv");
    prompt.answer(csv);
    robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
    Fx.waitUntil(5, "csv via Ctrl+E", () -> Files.exists(csv));
    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("id,text,label,prediction,confidence,correct"));
  }
}
