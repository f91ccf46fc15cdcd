package io.gradlens.app.evaluation;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.chart.PerturbationCurveChart;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.app.service.FaithfulnessResult;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Evaluate tab: methods, examples and seed; Compute and Cancel with a progress bar; the mean
 * deletion and insertion curves per method; the method × metric table with 95% intervals beside
 * the random baseline. File ▸ Export… saves the chart (PNG, SVG) or the table (CSV).
 */
public final class EvaluationView extends BorderPane implements Exportable {

  private static final int CHART_WIDTH = 1000;
  private static final int CHART_HEIGHT = 500;

  private final EvaluationViewModel model;
  private final PerturbationCurveChart chart = new PerturbationCurveChart();
  private final TableView<List<String>> table = new TableView<>();
  private final ExportAction export;

  /**
   * @param model the view model
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public EvaluationView(EvaluationViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("evaluation-view");
    export = new ExportAction(prompt, errors, "Export evaluation", "evaluation")
        .with(ExportFormat.PNG, p -> ChartExporter.writePng(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.SVG, p -> ChartExporter.writeSvg(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, EvaluationViewModel.header(),
            model.rows()));
    table.setId("evaluation-table");
    List<String> header = EvaluationViewModel.header();
    for (int i = 0; i < header.size(); i++) {
      int col = i;
      TableColumn<List<String>, String> c = new TableColumn<>(header.get(i));
      c.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
      table.getColumns().add(c);
    }
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    SplitPane split = new SplitPane(chart, table);
    split.setOrientation(Orientation.VERTICAL);
    setTop(controls());
    setCenter(split);
    model.resultProperty().addListener((o, a, b) -> show(b));
    show(model.resultProperty().get());
  }

  private VBox controls() {
    ComboBox<String> methods = new ComboBox<>();
    methods.setId("evaluation-methods");
    methods.getItems().setAll(EvaluationViewModel.methodChoices());
    methods.valueProperty().bindBidirectional(model.methodsProperty());
    Spinner<Integer> examples = new Spinner<>(1, 10_000, model.examplesProperty().get(), 10);
    examples.setId("evaluation-examples");
    examples.setEditable(true);
    examples.setPrefWidth(100);
    examples.valueProperty().addListener((o, a, b) -> model.examplesProperty().set(b));
    model.examplesProperty().addListener((o, a, b) ->
        examples.getValueFactory().setValue(b.intValue()));
    Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
    seed.setId("evaluation-seed");
    seed.setEditable(true);
    seed.setPrefWidth(100);
    seed.valueProperty().addListener((o, a, b) -> model.seedProperty().set(b));
    Button compute = new Button("Compute");
    compute.setId("evaluation-compute");
    compute.setDefaultButton(true);
    compute.disableProperty().bind(model.busyProperty());
    compute.setOnAction(e -> model.compute());
    Button cancel = new Button("Cancel");
    cancel.setId("evaluation-cancel");
    cancel.disableProperty().bind(model.busyProperty().not());
    cancel.setOnAction(e -> model.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setId("evaluation-progress");
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.busyProperty());
    HBox bar = new HBox(8, label("Methods"), methods, label("Test examples"), examples,
        label("Seed"), seed, compute, cancel, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("evaluation-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox box = new VBox(6, bar, message);
    box.setPadding(new Insets(8));
    return box;
  }

  private void show(FaithfulnessResult result) {
    if (result == null) {
      chart.clear();
      table.getItems().clear();
    } else {
      chart.setReport(result.report());
      table.getItems().setAll(model.rows());
    }
  }

  /** @return the curve chart */
  public PerturbationCurveChart chart() {
    return chart;
  }

  /** @return the method × metric table */
  public TableView<List<String>> table() {
    return table;
  }

  @Override
  public void exportInteractively(Window owner) {
    export.run(owner);
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }
}
