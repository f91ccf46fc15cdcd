package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.chart.SensitivityBarChart;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.sensitivity.SensitivityView;
import io.gradlens.data.TabularDataset;
import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.explain.InputSensitivity;
import io.gradlens.explain.SensitivityOutput;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sensitivity tab on the REAL core with the shipped price model, headless. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SensitivityGuiTest extends AnalysisGuiTestBase {

  private static final int SLOW = 120;
  private static final int ROWS = 30;
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));

  @Override
  CoreWorkspace workspace() {
    return WORKSPACE;
  }

  @Start
  void start(Stage stage) throws IOException {
    show(stage);
  }

  private SensitivityView openAndCompute(FxRobot robot) {
    showTab(robot, "Sensitivity");
    Fx.waitUntil(SLOW, "the price model chosen", () ->
        window.sensitivityModel().modelProperty().get() != null);
    assertEquals("price-model", Fx.get(() ->
        window.sensitivityModel().modelProperty().get().name()));
    robot.interact(() -> window.sensitivityModel().rowsProperty().set(ROWS));
    Button compute = robot.lookup("#sensitivity-compute").queryAs(Button.class);
    robot.interact(compute::fire);
    Fx.waitUntil(SLOW, "sensitivity computed", () ->
        window.sensitivityModel().resultProperty().get() != null
            && !window.sensitivityModel().busyProperty().get());
    return robot.lookup("#sensitivity-view").queryAs(SensitivityView.class);
  }

  @Test
  void barsOfThePriceModelEqualInputSensitivityOnTheSameRows(FxRobot robot) throws Exception {
    SensitivityView view = openAndCompute(robot);
    PriceModel model = ModelBundle.readPriceModel(Path.of("assets/models/price-model.gradlens"));
    TabularDataset table = (TabularDataset) CoreWorkspace.builtInDataset("price");
    SensitivityReport expected = new InputSensitivity(SensitivityOutput.regression()).attribute(
        model, PriceModelTraining.inputs(model, table.test(), table, ROWS), ProgressListener.NONE,
        CancellationToken.NONE);
    SensitivityBarChart chart = view.chart();
    assertEquals(5, (int) Fx.get(chart::groupCount), "4 features and the reference price");
    for (InputGroupSensitivity input : expected.inputs()) {
      for (int j = 0; j < input.features().size(); j++) {
        String feature = input.features().get(j);
        String label = input.input().equals(feature) ? feature : input.input() + " / " + feature;
        assertEquals(input.mean()[j], Fx.get(() -> chart.value(SensitivityBarChart.MEAN, label)),
            1e-12, label);
        assertEquals(input.meanAbsolute()[j], Fx.get(() ->
            chart.value(SensitivityBarChart.MEAN_ABS, label)), 1e-12, label);
      }
    }
    assertEquals(ROWS, (int) Fx.get(() -> view.table().getItems().size()));
    assertEquals(2 + 5, (int) Fx.get(() -> view.table().getColumns().size()));
    // Sorting by the reference-price gradient orders the rows by it.
    robot.interact(() -> {
      var column = view.table().getColumns().get(6);
      column.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
      view.table().getSortOrder().setAll(List.of(column));
    });
    List<Double> sorted = Fx.get(() -> view.table().getItems().stream()
        .map(r -> r.gradient(4)).toList());
    for (int i = 1; i < sorted.size(); i++) {
      assertTrue(sorted.get(i - 1) >= sorted.get(i), "descending at " + i);
    }
  }

  @Test
  void chartAndTableExportPngSvgAndCsv(FxRobot robot) throws IOException {
    SensitivityView view = openAndCompute(robot);
    for (String ext : List.of("png", "svg", "csv")) {
      Path chartFile = dir.resolve("chart." + ext);
      prompt.answer(chartFile);
      robot.interact(() -> view.exportInteractively(null));
      Path tableFile = dir.resolve("table." + ext);
      prompt.answer(tableFile);
      robot.interact(() -> robot.lookup("#sensitivity-export-table").queryAs(Button.class).fire());
      assertTrue(Files.size(chartFile) > 100 && Files.size(tableFile) > 100, ext);
    }
    List<String> features = Files.readAllLines(dir.resolve("chart.csv"), StandardCharsets.UTF_8);
    assertEquals("input,feature,mean,mean_abs", features.get(0));
    assertEquals(1 + 5, features.size());
    List<String> rows = Files.readAllLines(dir.resolve("table.csv"), StandardCharsets.UTF_8);
    assertEquals(1 + ROWS, rows.size());
    assertTrue(rows.get(0).startsWith("row,output,features / area_sqm"), rows.get(0));
    assertTrue(Files.readString(dir.resolve("table.svg")).contains("reference_price"));
  }

  @Test
  void aTextModelShowsWhatTheViewNeeds(FxRobot robot) {
    showTab(robot, "Sensitivity");
    WorkspaceEntry lstm = Fx.get(() -> window.workspace().entries().stream()
        .filter(e -> e.name().equals("sentiment-lstm")).findFirst().orElseThrow());
    robot.interact(() -> {
      window.sensitivityModel().modelProperty().set(lstm);
      window.sensitivityModel().compute();
    });
    Label message = robot.lookup("#sensitivity-message").queryAs(Label.class);
    Fx.waitUntil(SLOW, "message", () -> message.getText().contains("token ids have no gradient"));
    assertTrue(Fx.get(() -> message.getText().contains("price model")));
    assertEquals(0, (int) Fx.get(() -> robot.lookup("#sensitivity-chart")
        .queryAs(SensitivityBarChart.class).groupCount()));
  }
}
