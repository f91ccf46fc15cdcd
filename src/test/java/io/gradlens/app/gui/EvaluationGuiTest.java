package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.GradLensApp;
import io.gradlens.app.chart.PerturbationCurveChart;
import io.gradlens.app.core.CoreEvaluationService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.service.FaithfulnessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Evaluate tab on the REAL core with the shipped LSTM (a few examples), headless. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class EvaluationGuiTest extends AnalysisGuiTestBase {

  private static final int SLOW = 180;
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));

  @Override
  CoreWorkspace workspace() {
    return WORKSPACE;
  }

  @Override
  AppServices services(CoreWorkspace workspace) {
    return super.services(workspace).withEvaluation(new CoreEvaluationService(workspace));
  }

  @Start
  void start(Stage stage) throws IOException {
    show(stage);
  }

  @Test
  void computeShowsCurvesAndTheTableAndExports(FxRobot robot) throws IOException {
    robot.interact(() -> window.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL));
    Fx.waitUntil(SLOW, "model and dataset", () ->
        window.workbench().currentModelProperty().get() != null
            && window.workbench().currentDatasetProperty().get() != null);
    showTab(robot, "Evaluate");
    robot.interact(() -> {
      window.evaluationModel().examplesProperty().set(4);
      window.evaluationModel().methodsProperty().set("gradient");
    });
    robot.interact(() -> robot.lookup("#evaluation-compute").queryAs(Button.class).fire());
    Fx.waitUntil(SLOW, "evaluation done", () -> window.evaluationModel().resultProperty().get()
        != null && !window.evaluationModel().busyProperty().get());
    FaithfulnessResult result = Fx.get(() -> window.evaluationModel().resultProperty().get());
    assertEquals(4, result.report().examples());
    int metrics = result.report().methods().get(0).comparisons().size();
    PerturbationCurveChart chart = robot.lookup("#evaluation-chart")
        .queryAs(PerturbationCurveChart.class);
    assertEquals(4, (int) Fx.get(chart::curveCount), "deletion and insertion, method and random");
    @SuppressWarnings("unchecked")
    TableView<List<String>> table = robot.lookup("#evaluation-table").queryAs(TableView.class);
    assertEquals(metrics, (int) Fx.get(() -> table.getItems().size()));
    for (String ext : new String[] {"png", "svg", "csv"}) {
      Path file = dir.resolve("evaluation." + ext);
      prompt.answer(file);
      robot.interact(() -> ((io.gradlens.app.Exportable) window.tabs().getSelectionModel()
          .getSelectedItem().getContent()).exportInteractively(null));
      assertTrue(Files.size(file) > 50, ext);
    }
    assertEquals(1 + metrics, Files.readAllLines(dir.resolve("evaluation.csv")).size());
  }
}
