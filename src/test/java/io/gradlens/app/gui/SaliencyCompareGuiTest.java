package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.color.Rgb;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.heatmap.FxColors;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare mode against fakes, driven by robot clicks: the chooser lists only the other models
 * that fit (not the current one, not a digits model the service rejects), the per-model scale
 * saturates the old model's own maximum although the current model's scores are 100× larger, a
 * click on Shared recolours it, and the exported SVG and PNG carry each pane's legend.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SaliencyCompareGuiTest {

  /** The compared model's scores are the current model's times this. */
  private static final double OLD_FACTOR = 0.01;
  private static final WorkspaceEntry OLD = new WorkspaceEntry("old-model", "old-bag",
      WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.TRAINED, null);
  private static final WorkspaceEntry DIGITS = new WorkspaceEntry("digits-model", "digits-cnn",
      WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.TRAINED, null);

  @TempDir
  Path dir;
  private MainWindow window;
  private Stage stage;
  private final TwoModelSaliency saliency = new TwoModelSaliency();
  private final FixedFilePrompt prompt = new FixedFilePrompt();

  /** The fake text service, with a compared model 100× weaker and a fit check that rejects digits. */
  private static final class TwoModelSaliency implements TextSaliencyService {
    final FakeTextSaliencyService plain = new FakeTextSaliencyService();

    @Override
    public SaliencyResult explain(String text, SaliencyRequest request, ProgressListener progress,
        CancellationToken cancel) throws Exception {
      return plain.explain(text, request, progress, cancel);
    }

    @Override
    public SaliencyResult explainWith(WorkspaceEntry model, String text, SaliencyRequest request,
        ProgressListener progress, CancellationToken cancel) throws Exception {
      SaliencyResult r = plain.explain(text, request, progress, cancel);
      double[] scores = r.scores();
      for (int i = 0; i < scores.length; i++) {
        scores[i] *= OLD_FACTOR;
      }
      return new SaliencyResult(r.tokens(), scores, r.targetClass(), r.probabilities(),
          r.classNames(), r.method());
    }

    @Override
    public List<WorkspaceEntry> modelsFitting(List<WorkspaceEntry> candidates,
        WorkspaceEntry dataset, ProgressListener progress, CancellationToken cancel) {
      return candidates.stream().filter(m -> !m.equals(DIGITS)).toList();
    }
  }

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    FakeWorkspaceService workspace = new FakeWorkspaceService();
    workspace.add(OLD);
    workspace.add(DIGITS);
    window = new MainWindow(new AppServices(workspace, saliency,
        new FakeTrainingService(0, workspace)),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  /** Selects the model, the dataset and its first example (set-up), then clicks the Saliency tab. */
  private void explainFirstExample(FxRobot robot) {
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.MODEL));
    Fx.waitUntil(5, "model current", () -> window.workbench().currentModelProperty().get() != null);
    robot.interact(() -> window.workspace().select(FakeWorkspaceService.TINY));
    TableView<?> table = robot.lookup("#data-table").queryAs(TableView.class);
    Fx.waitUntil(5, "examples loaded", () -> table.getItems().size() == 6);
    robot.interact(stage::toFront);
    robot.clickOn(robot.lookup("#data-table .table-row-cell").queryAll().iterator().next());
    robot.clickOn(robot.lookup(".tab-label").match((Node n) -> n instanceof Label l
        && l.getText().equals("Saliency")).queryAs(Label.class));
    Fx.waitUntil(5, "example explained", () ->
        window.saliencyModel().resultProperty().get() != null
            && !window.saliencyModel().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private List<String> openChooser(FxRobot robot) {
    robot.clickOn("#compare-model");
    Fx.waitUntil(5, "compare choices open", () -> !robot.lookup(".combo-box-popup .list-cell")
        .queryAll().isEmpty());
    return Fx.get(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
        .map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty()).toList());
  }

  @Test
  void compareListsOnlyFittingModelsAndThePerModelScaleShowsTheWeakModel(FxRobot robot)
      throws Exception {
    explainFirstExample(robot);
    Fx.waitUntil(5, "compare choices checked", () ->
        window.saliencyModel().compareChoices().equals(List.of(OLD)));
    List<String> listed = openChooser(robot);
    assertEquals(List.of("old-bag"), listed, "neither the current tiny-bag nor digits-cnn");
    robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((Node n) ->
        "old-bag".equals(((Labeled) n).getText())).queryAs(Labeled.class));
    TokenHeatmapView old = robot.lookup("#compare-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(5, "comparison shown", () ->
        window.saliencyModel().compareResultProperty().get() != null && old.tokenCount() > 0
            && robot.lookup("#compare-pane").query().isVisible());
    assertTrue(Fx.get(() -> robot.lookup("#compare-title").queryAs(Label.class).getText())
        .startsWith("old-bag:"));

    double[] oldScores = Fx.get(() -> window.saliencyModel().compareResultProperty().get()
        .scores());
    double[] newScores = Fx.get(() -> window.saliencyModel().resultProperty().get().scores());
    int top = argMaxAbs(oldScores);
    Rgb saturated = oldScores[top] > 0 ? DivergingColorScale.POSITIVE : DivergingColorScale.NEGATIVE;
    // Per model (the default): the old model's largest |score| saturates, its legend is its own.
    assertEquals(FxColors.fx(saturated), Fx.get(() -> tokenColor(old, top)));
    assertEquals(DivergingColorScale.fitting(oldScores).rangeText(),
        Fx.get(() -> old.legend().rangeText()));
    assertEquals(DivergingColorScale.fitting(newScores).rangeText(), Fx.get(() ->
        robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class).legend().rangeText()));

    robot.clickOn("#compare-scale-shared");
    Fx.waitUntil(5, "shared scale", () -> old.legend().rangeText().equals(
        DivergingColorScale.fitting(newScores).rangeText()));
    DivergingColorScale shared = DivergingColorScale.fitting(newScores);
    assertEquals(FxColors.fx(shared.color(oldScores[top])), Fx.get(() -> tokenColor(old, top)));
    assertEquals(OLD_FACTOR, Math.abs(shared.normalize(oldScores[top])), 1e-9,
        "on the shared scale the old model's maximum is 1 % of saturation");

    robot.clickOn("#compare-scale-per-model");
    Fx.waitUntil(5, "own scale again", () -> old.legend().rangeText().equals(
        DivergingColorScale.fitting(oldScores).rangeText()));
    assertEquals(FxColors.fx(saturated), Fx.get(() -> tokenColor(old, top)));
  }

  @Test
  void theExportedSvgAndPngCarryTheLegendOfEachPane(FxRobot robot) throws Exception {
    explainFirstExample(robot);
    TokenHeatmapView current = robot.lookup("#saliency-heatmap").queryAs(TokenHeatmapView.class);
    Path single = dir.resolve("single.png");
    prompt.answer(single);
    robot.clickOn("#export-png");
    Fx.waitUntil(5, "png written", () -> Files.exists(single));
    BufferedImage one = ImageIO.read(single.toFile());
    assertLegendPixels(one, current, current);
    Path singleSvg = dir.resolve("single.svg");
    prompt.answer(singleSvg);
    robot.clickOn("#export-svg");
    Fx.waitUntil(5, "svg written", () -> Files.exists(singleSvg));
    String svg = Files.readString(singleSvg);
    String ownRange = Fx.get(() -> current.legend().rangeText());
    assertTrue(svg.contains("<linearGradient"), "a gradient for the legend bar");
    assertEquals(1, count(svg, "url(#"), "one bar filled with it");
    assertTrue(svg.contains(ownRange), "the range text " + ownRange);

    Fx.waitUntil(5, "compare choices checked", () ->
        window.saliencyModel().compareChoices().equals(List.of(OLD)));
    openChooser(robot);
    robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((Node n) ->
        "old-bag".equals(((Labeled) n).getText())).queryAs(Labeled.class));
    TokenHeatmapView old = robot.lookup("#compare-heatmap").queryAs(TokenHeatmapView.class);
    Fx.waitUntil(5, "comparison shown", () -> old.tokenCount() > 0
        && robot.lookup("#compare-pane").query().isVisible());
    WaitForAsyncUtils.waitForFxEvents();
    Path both = dir.resolve("both.svg");
    prompt.answer(both);
    robot.clickOn("#export-svg");
    Fx.waitUntil(5, "compare svg written", () -> Files.exists(both));
    svg = Files.readString(both);
    assertTrue(svg.contains("<linearGradient"));
    assertEquals(2, count(svg, "url(#"), "one legend bar per pane");
    assertTrue(svg.contains(Fx.get(() -> current.legend().rangeText())));
    assertTrue(svg.contains(Fx.get(() -> old.legend().rangeText())), "the old model's range");
    assertTrue(svg.contains("old-bag: predicts"), "the old model's title");
    Path bothPng = dir.resolve("both.png");
    prompt.answer(bothPng);
    robot.clickOn("#export-png");
    Fx.waitUntil(5, "compare png written", () -> Files.exists(bothPng));
    BufferedImage two = ImageIO.read(bothPng.toFile());
    assertTrue(two.getHeight() > one.getHeight() + 40, two.getHeight() + " vs " + one.getHeight());
    Node panes = robot.lookup("#saliency-panes").query();
    assertLegendPixels(two, panes, current);
    assertLegendPixels(two, panes, old);
  }

  @Test
  void theBaselineChoiceIsOnTheToolbarForIntegratedGradientsOnly(FxRobot robot) {
    explainFirstExample(robot);
    assertTrue(Fx.get(() -> robot.lookup("#ig-baseline").query().isDisabled()), "Gradient: off");
    Bounds before = Fx.get(() -> robot.lookup("#compare-model").query().localToScene(
        robot.lookup("#compare-model").query().getBoundsInLocal()));
    robot.clickOn("#method");
    robot.clickOn(robot.lookup(".list-cell").match((Node n) ->
        "Integrated Gradients".equals(((Labeled) n).getText())).queryAs(Labeled.class));
    Fx.waitUntil(5, "integrated gradients chosen", () -> !robot.lookup("#ig-baseline").query()
        .isDisabled());
    assertTrue(Fx.get(() -> robot.lookup("#ig-baseline-value").query().isDisabled()),
        "Zero needs no value");
    robot.clickOn("#ig-baseline");
    robot.clickOn(robot.lookup(".list-cell").match((Node n) ->
        "Constant".equals(((Labeled) n).getText())).queryAs(Labeled.class));
    robot.clickOn("#ig-baseline-value");
    robot.write("0.5");
    Fx.waitUntil(5, "explained with the constant baseline", () ->
        "0.5".equals(saliency.plain.lastRequest().baseline())
            && saliency.plain.lastRequest().method()
                == io.gradlens.app.service.SaliencyMethod.INTEGRATED_GRADIENTS);
    robot.write("x"); // "0.5x" does not parse: outlined, not used
    Fx.waitUntil(5, "outlined", () -> robot.lookup("#ig-baseline-value").query().getStyle()
        .contains("#b2182b"));
    assertEquals("0.5", Fx.get(() -> window.saliencyModel().baselineProperty().get()));
    Bounds after = Fx.get(() -> robot.lookup("#compare-model").query().localToScene(
        robot.lookup("#compare-model").query().getBoundsInLocal()));
    assertEquals(before, after, "changing the method moved nothing on the toolbar");
  }

  /**
   * In {@code image}, a snapshot of {@code shot}, the legend bar of {@code heatmap} runs from the
   * negative colour through white to the positive one.
   */
  private static void assertLegendPixels(BufferedImage image, Node shot, TokenHeatmapView heatmap) {
    Bounds bar = Fx.get(() -> {
      Node gradient = heatmap.legend().lookup("#legend-gradient");
      Bounds scene = gradient.localToScene(gradient.getBoundsInLocal());
      Bounds inParent = shot.getParent().sceneToLocal(scene);
      Bounds origin = shot.getBoundsInParent();
      return new javafx.geometry.BoundingBox(inParent.getMinX() - origin.getMinX(),
          inParent.getMinY() - origin.getMinY(), inParent.getWidth(), inParent.getHeight());
    });
    int y = (int) Math.round(bar.getMinY() + bar.getHeight() / 2);
    assertNear(DivergingColorScale.NEGATIVE, image.getRGB((int) Math.round(bar.getMinX() + 1), y));
    assertNear(Rgb.WHITE, image.getRGB((int) Math.round(bar.getMinX() + bar.getWidth() / 2), y));
    assertNear(DivergingColorScale.POSITIVE, image.getRGB((int) Math.round(bar.getMaxX() - 2), y));
  }

  private static void assertNear(Rgb expected, int argb) {
    int r = (argb >> 16) & 0xff;
    int g = (argb >> 8) & 0xff;
    int b = argb & 0xff;
    assertTrue(Math.abs(r - expected.red() * 255) < 12 && Math.abs(g - expected.green() * 255) < 12
        && Math.abs(b - expected.blue() * 255) < 12, "pixel " + r + "," + g + "," + b + " vs "
        + expected);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static int argMaxAbs(double[] v) {
    int top = 0;
    for (int i = 1; i < v.length; i++) {
      top = Math.abs(v[i]) > Math.abs(v[top]) ? i : top;
    }
    return top;
  }

  private static javafx.scene.paint.Paint tokenColor(TokenHeatmapView view, int index) {
    javafx.scene.layout.FlowPane flow = (javafx.scene.layout.FlowPane) view.lookup("#token-flow");
    return ((Label) flow.getChildren().get(index)).getBackground().getFills().get(0).getFill();
  }
}
