package io.gradlens.app.influence;

import io.gradlens.app.ExportAction;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Example mode of the Influence tab: method and k, the proponents and opponents tables, a bar
 * chart of their scores and the representer fidelity figure, each exportable.
 */
final class ExampleInfluencePane extends BorderPane {

  static final int CHART_WIDTH = 800;
  static final int CHART_HEIGHT = 500;

  private final InfluenceViewModel model;
  private final InfluenceBarChart chart = new InfluenceBarChart("Influence on the prediction");
  private final TableView<RankedExample> proponents;
  private final TableView<RankedExample> opponents;
  private final ExportAction chartExport;

  ExampleInfluencePane(InfluenceViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("influence-example-pane");
    proponents = RankingTable.create("influence-proponents", model.proponents(), "Score",
        "No proponents yet");
    opponents = RankingTable.create("influence-opponents", model.opponents(), "Score",
        "No opponents yet");
    chart.setId("influence-chart");
    chartExport = new ExportAction(prompt, errors, "Export influence scores", "influence")
        .with(ExportFormat.PNG, p -> ChartExporter.writePng(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.SVG, p -> ChartExporter.writeSvg(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, RankedExample.csvHeader(),
            model.csvRows()));
    ListChangeListener<RankedExample> redraw = c -> chart.setRows(chartRows());
    model.proponents().addListener(redraw);
    model.opponents().addListener(redraw);
    setTop(controls(prompt, errors));
    setCenter(body());
    Label status = new Label();
    status.setId("influence-status");
    status.textProperty().bind(model.statusProperty());
    status.setPadding(new Insets(4, 8, 4, 8));
    setBottom(status);
  }

  /** Proponents largest first, then opponents from the least to the most negative. */
  private List<RankedExample> chartRows() {
    List<RankedExample> rows = new ArrayList<>(model.proponents());
    List<RankedExample> against = new ArrayList<>(model.opponents());
    java.util.Collections.reverse(against);
    rows.addAll(against);
    return rows;
  }

  private VBox controls(FilePrompt prompt, ErrorReporter errors) {
    ExportAction proponentsExport = tableExport(prompt, errors, proponents, "proponents",
        model.proponents());
    ExportAction opponentsExport = tableExport(prompt, errors, opponents, "opponents",
        model.opponents());
    FlowPane row = new FlowPane(10, 6);
    row.getChildren().addAll(InfluenceControls.create("influence", model.methodProperty(),
        model.topProperty(), 100, model.projectionSettings(), "Compute", model::recompute,
        model.computeBlockedProperty(), model.busyProperty(), model::cancel));
    row.getChildren().addAll(
        ExportMenu.create("Export chart", "influence-export-chart", chartExport, this::window),
        ExportMenu.create("Export proponents", "influence-export-proponents", proponentsExport,
            this::window),
        ExportMenu.create("Export opponents", "influence-export-opponents", opponentsExport,
            this::window));
    row.setAlignment(Pos.CENTER_LEFT);
    Label hint = new Label();
    hint.setId("influence-hint");
    hint.setWrapText(true);
    hint.setStyle("-fx-text-fill: #8a4b00;");
    hint.textProperty().bind(model.methodHintProperty());
    hint.visibleProperty().bind(model.methodHintProperty().isNotEmpty());
    hint.managedProperty().bind(hint.visibleProperty());
    Label subject = new Label();
    subject.setId("influence-subject");
    subject.setStyle("-fx-font-weight: bold;");
    subject.textProperty().bind(model.subjectProperty());
    VBox box = new VBox(6, row, subject, hint);
    box.setPadding(new Insets(8));
    return box;
  }

  /** PNG (snapshot), SVG (text table) and CSV of one ranking table. */
  static ExportAction tableExport(FilePrompt prompt, ErrorReporter errors,
      TableView<RankedExample> table, String name, List<RankedExample> rows) {
    return new ExportAction(prompt, errors, "Export " + name, name)
        .with(ExportFormat.PNG, p -> ChartExporter.writePng(table, p))
        .with(ExportFormat.SVG, p -> ChartExporter.writeSvg(svg(rows, name), p))
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, RankedExample.csvHeader(),
            rows.stream().map(r -> r.csvRow(name)).toList()));
  }

  private static TableSvg svg(List<RankedExample> rows, String name) {
    return new TableSvg(RankedExample.csvHeader(), rows.stream().map(r -> r.csvRow(name))
        .map(cells -> (List<String>) cells).toList(), 10, 4, 12, 10, 16, 60);
  }

  private SplitPane body() {
    VBox tables = new VBox(4, title("Proponents \u2014 support the prediction"), proponents,
        title("Opponents \u2014 pull against it"), opponents);
    VBox.setVgrow(proponents, Priority.ALWAYS);
    VBox.setVgrow(opponents, Priority.ALWAYS);
    tables.setPadding(new Insets(0, 4, 0, 8));
    Label figure = new Label();
    figure.setId("influence-fidelity");
    figure.setStyle("-fx-font-weight: bold;");
    figure.textProperty().bind(model.fidelityProperty());
    Label explanation = new Label(InfluenceViewModel.FIDELITY_EXPLANATION);
    explanation.setWrapText(true);
    explanation.visibleProperty().bind(model.fidelityProperty().isNotEmpty());
    VBox right = new VBox(6, chart, figure, explanation);
    VBox.setVgrow(chart, Priority.ALWAYS);
    right.setPadding(new Insets(0, 8, 0, 4));
    SplitPane split = new SplitPane(tables, right);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.55);
    return split;
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  /** Runs the chart export (File ▸ Export…). */
  void exportInteractively(Window owner) {
    chartExport.run(owner);
  }

  InfluenceBarChart chart() {
    return chart;
  }
}
