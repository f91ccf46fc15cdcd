package io.gradlens.app.sensitivity;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.chart.SensitivityBarChart;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.app.export.TableSvg;
import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.SensitivityRow;
import io.gradlens.app.service.WorkspaceEntry;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Sensitivity tab: model, rows and class controls; grouped bars of mean and mean |·| of
 * ∂output/∂input per feature; a sortable per-row table (row, output, gradient per feature).
 * File ▸ Export… saves the chart (PNG, SVG) or the per-feature numbers (CSV); "Export table…"
 * saves the table (PNG, SVG, CSV).
 */
public final class SensitivityView extends BorderPane implements Exportable {

  private static final int CHART_WIDTH = 1000;
  private static final int CHART_HEIGHT = 500;

  private final SensitivityViewModel model;
  private final SensitivityBarChart chart = new SensitivityBarChart();
  private final TableView<SensitivityRow> table = new TableView<>();
  private final ExportAction chartExport;
  private final ExportAction tableExport;

  /**
   * @param model the view model
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public SensitivityView(SensitivityViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("sensitivity-view");
    chartExport = new ExportAction(prompt, errors, "Export sensitivity chart", "sensitivity")
        .with(ExportFormat.PNG, p -> ChartExporter.writePng(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.SVG, p -> ChartExporter.writeSvg(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, SensitivityViewModel.featureCsvHeader(),
            model.featureCsvRows()));
    tableExport = new ExportAction(prompt, errors, "Export sensitivity table", "sensitivity-rows")
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, model.rowCsvHeader(), model.rowCsvRows()))
        .with(ExportFormat.PNG, p -> ChartExporter.writePng(table, p))
        .with(ExportFormat.SVG, p -> ChartExporter.writeSvg(new TableSvg(model.rowCsvHeader(),
            model.rowCsvRows()), p));
    table.setId("sensitivity-table");
    table.setItems(model.tableRows());
    table.setPlaceholder(new Label("No rows analysed yet"));
    SplitPane center = new SplitPane(chart, table);
    center.setOrientation(Orientation.VERTICAL);
    center.setDividerPositions(0.6);
    setTop(controls());
    setCenter(center);
    model.resultProperty().addListener((o, a, b) -> show(b));
    show(model.resultProperty().get());
    model.chooseExampleModel();
  }

  private VBox controls() {
    ComboBox<WorkspaceEntry> models = new ComboBox<>(model.modelChoices());
    models.setId("sensitivity-model");
    models.setPromptText("current model");
    models.valueProperty().bindBidirectional(model.modelProperty());
    models.setConverter(new StringConverter<>() {
      @Override
      public String toString(WorkspaceEntry e) {
        return e == null ? "current model" : e.name();
      }

      @Override
      public WorkspaceEntry fromString(String s) {
        return null;
      }
    });
    Spinner<Integer> rows = new Spinner<>(1, 100_000, model.rowsProperty().get(), 50);
    rows.setId("sensitivity-rows");
    rows.setEditable(true);
    rows.setPrefWidth(100);
    rows.valueProperty().addListener((o, a, b) -> model.rowsProperty().set(b));
    ComboBox<Integer> target = new ComboBox<>(model.targetChoices());
    target.setId("sensitivity-target");
    target.valueProperty().bindBidirectional(model.targetClassProperty());
    target.setButtonCell(targetCell());
    target.setCellFactory(l -> targetCell());
    target.disableProperty().bind(javafx.beans.binding.Bindings.size(model.targetChoices())
        .lessThan(2));
    Button compute = new Button("Compute");
    compute.setId("sensitivity-compute");
    compute.setDefaultButton(true);
    compute.setOnAction(e -> model.compute());
    Button cancel = new Button("Cancel");
    cancel.setId("sensitivity-cancel");
    cancel.disableProperty().bind(model.busyProperty().not());
    cancel.setOnAction(e -> model.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setId("sensitivity-progress");
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.busyProperty());
    Button exportTable = new Button("Export table\u2026");
    exportTable.setId("sensitivity-export-table");
    exportTable.setOnAction(e -> tableExport.run(getScene().getWindow()));
    exportTable.disableProperty().bind(model.resultProperty().isNull());
    // A flow, not a row: at 1200 px the controls wrap instead of squeezing the buttons' text.
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6,
        new HBox(8, label("Model"), models), new HBox(8, label("Test rows"), rows),
        new HBox(8, label("Class"), target), new HBox(8, compute, cancel, progress),
        exportTable);
    for (Button b : List.of(compute, cancel, exportTable)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    bar.setAlignment(Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("sensitivity-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox box = new VBox(6, bar, message);
    box.setPadding(new Insets(8));
    return box;
  }

  private ListCell<Integer> targetCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(Integer item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : model.targetName(item));
      }
    };
  }

  private void show(SensitivityResult result) {
    table.getColumns().clear();
    if (result == null) {
      chart.clear();
      return;
    }
    chart.setFeatures(result.features());
    TableColumn<SensitivityRow, Integer> index = new TableColumn<>("row");
    index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index()));
    table.getColumns().add(index);
    table.getColumns().add(numberColumn("output (" + result.output() + ")", -1));
    for (int j = 0; j < result.features().size(); j++) {
      FeatureSensitivity f = result.features().get(j);
      table.getColumns().add(numberColumn("\u2202/\u2202 " + f.label(), j));
    }
  }

  /** A sortable column of the output ({@code feature} = -1) or of one feature's gradient. */
  private static TableColumn<SensitivityRow, Double> numberColumn(String title, int feature) {
    TableColumn<SensitivityRow, Double> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(feature < 0
        ? c.getValue().output() : c.getValue().gradient(feature)));
    column.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : String.format(Locale.ROOT, "%.5g", v));
      }
    });
    return column;
  }

  /** @return the bar chart */
  public SensitivityBarChart chart() {
    return chart;
  }

  /** @return the per-row table */
  public TableView<SensitivityRow> table() {
    return table;
  }

  @Override
  public void exportInteractively(Window owner) {
    chartExport.run(owner);
  }

  /** A control caption that keeps its full text when the bar is narrow. */
  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

}
