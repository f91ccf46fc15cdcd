package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.GradLensApp;
import io.gradlens.app.chart.SpearmanStepChart;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.sanity.SanityVerdict;
import io.gradlens.app.service.SanityCheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sanity check tab on the REAL core with the shipped LSTM (a few examples), headless. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SanityGuiTest extends AnalysisGuiTestBase {

  private static final int SLOW = 180;
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));

  @Override
  CoreWorkspace workspace() {
    return WORKSPACE;
  }

  @Start
  void start(Stage stage) throws IOException {
    show(stage);
  }

  @Test
  void runsOnTheShippedModelAndShowsOnePointPerLayerAndAVerdict(FxRobot robot)
      throws IOException {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "model and dataset", () ->
        window.workbench().currentModelProperty().get() != null
            && window.workbench().currentDatasetProperty().get() != null);
    showTab(robot, "Sanity check");
    robot.interact(() -> window.sanityModel().examplesProperty().set(4));
    robot.interact(() -> robot.lookup("#sanity-run").queryAs(Button.class).fire());
    Fx.waitUntil(SLOW, "sanity check done", () -> window.sanityModel().resultProperty().get()
        != null && !window.sanityModel().busyProperty().get());
    SanityCheckResult result = Fx.get(() -> window.sanityModel().resultProperty().get());
    assertEquals(4, result.examples());
    // The shipped LSTM has three layers with weights: dense, LSTM, embedding.
    assertEquals(3, result.steps().size());
    SpearmanStepChart chart = robot.lookup("#sanity-chart").queryAs(SpearmanStepChart.class);
    assertEquals(result.steps().size(), (int) Fx.get(chart::pointCount));
    Label verdict = robot.lookup("#sanity-verdict").queryAs(Label.class);
    assertEquals(SanityVerdict.of(result).text(), Fx.get(verdict::getText));
    assertTrue(Fx.get(() -> robot.lookup("#sanity-thresholds").queryAs(Label.class).getText())
        .contains("0.3"));
    for (String ext : new String[] {"png", "svg", "csv"}) {
      Path file = dir.resolve("sanity." + ext);
      prompt.answer(file);
      robot.interact(() -> ((io.gradlens.app.Exportable) window.tabs().getSelectionModel()
          .getSelectedItem().getContent()).exportInteractively(null));
      assertTrue(Files.size(file) > 50, ext);
    }
    assertEquals(1 + 3, Files.readAllLines(dir.resolve("sanity.csv")).size());
  }

  @Test
  void cancelStopsARunningCheck(FxRobot robot) {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "model", () -> window.workbench().currentModelProperty().get() != null);
    showTab(robot, "Sanity check");
    robot.interact(() -> {
      window.sanityModel().examplesProperty().set(200);
      robot.lookup("#sanity-run").queryAs(Button.class).fire();
    });
    assertTrue(Fx.get(() -> window.sanityModel().busyProperty().get()));
    robot.interact(() -> robot.lookup("#sanity-cancel").queryAs(Button.class).fire());
    assertTrue(Fx.get(() -> !window.sanityModel().busyProperty().get()));
    assertEquals("Cancelled.", Fx.get(() -> window.sanityModel().messageProperty().get()));
    assertEquals(null, Fx.get(() -> window.sanityModel().resultProperty().get()));
  }
}
