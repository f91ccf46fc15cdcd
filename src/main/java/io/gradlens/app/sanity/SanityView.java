package io.gradlens.app.sanity;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.chart.SpearmanStepChart;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SanityCheckResult;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Sanity check tab: method, examples and seed; Run and Cancel with a progress bar; the mean
 * Spearman ρ per randomisation step as a line chart; the verdict with its thresholds. File ▸
 * Export… saves the chart (PNG, SVG) or the steps (CSV).
 */
public final class SanityView extends BorderPane implements Exportable {

  private static final int CHART_WIDTH = 1000;
  private static final int CHART_HEIGHT = 500;

  private final SanityViewModel model;
  private final SpearmanStepChart chart = new SpearmanStepChart(
      SanityVerdict.DECORRELATED_AT_MOST, SanityVerdict.UNCHANGED_AT_LEAST);
  private final Label verdict = new Label();
  private final ExportAction export;

  /**
   * @param model the view model
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public SanityView(SanityViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("sanity-view");
    export = new ExportAction(prompt, errors, "Export sanity check", "sanity")
        .with(ExportFormat.PNG, p -> ChartExporter.writePng(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.SVG, p -> ChartExporter.writeSvg(chart.chart(), CHART_WIDTH,
            CHART_HEIGHT, p))
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, SanityViewModel.csvHeader(),
            model.csvRows()));
    verdict.setId("sanity-verdict");
    verdict.setWrapText(true);
    verdict.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
    Label thresholds = new Label("Verdict from the mean Spearman \u03c1 of |saliency| with every "
        + "layer randomised: \u2264 " + SanityVerdict.DECORRELATED_AT_MOST + " depends on the "
        + "weights (passes), \u2265 " + SanityVerdict.UNCHANGED_AT_LEAST + " barely changes "
        + "(fails), in between mixed (dashed lines). Adebayo et al. 2018, \u201cSanity Checks for "
        + "Saliency Maps\u201d.");
    thresholds.setId("sanity-thresholds");
    thresholds.setWrapText(true);
    VBox bottom = new VBox(4, verdict, thresholds);
    bottom.setPadding(new Insets(8));
    setTop(controls());
    setCenter(chart);
    setBottom(bottom);
    model.resultProperty().addListener((o, a, b) -> show(b));
    model.verdictProperty().addListener((o, a, b) -> verdict.setText(b == null ? "" : b.text()));
    show(model.resultProperty().get());
  }

  private VBox controls() {
    ComboBox<SaliencyMethod> method = new ComboBox<>();
    method.setId("sanity-method");
    method.getItems().setAll(SaliencyMethod.values());
    method.valueProperty().bindBidirectional(model.methodProperty());
    Spinner<Integer> examples = new Spinner<>(1, 10_000, model.examplesProperty().get(), 10);
    examples.setId("sanity-examples");
    examples.setEditable(true);
    examples.setPrefWidth(100);
    examples.valueProperty().addListener((o, a, b) -> model.examplesProperty().set(b));
    model.examplesProperty().addListener((o, a, b) ->
        examples.getValueFactory().setValue(b.intValue()));
    Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
    seed.setId("sanity-seed");
    seed.setEditable(true);
    seed.setPrefWidth(100);
    seed.valueProperty().addListener((o, a, b) -> model.seedProperty().set(b));
    Button run = new Button("Run");
    run.setId("sanity-run");
    run.setDefaultButton(true);
    run.disableProperty().bind(model.busyProperty());
    run.setOnAction(e -> model.run());
    Button cancel = new Button("Cancel");
    cancel.setId("sanity-cancel");
    cancel.disableProperty().bind(model.busyProperty().not());
    cancel.setOnAction(e -> model.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setId("sanity-progress");
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.busyProperty());
    HBox bar = new HBox(8, label("Method"), method, label("Test examples"), examples,
        label("Seed"), seed, run, cancel, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("sanity-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox box = new VBox(6, bar, message);
    box.setPadding(new Insets(8));
    return box;
  }

  private void show(SanityCheckResult result) {
    if (result == null) {
      chart.clear();
    } else {
      chart.setSteps(result.steps());
    }
  }

  /** @return the line chart */
  public SpearmanStepChart chart() {
    return chart;
  }

  @Override
  public void exportInteractively(Window owner) {
    export.run(owner);
  }

  /** A control caption that keeps its full text when the bar is narrow. */
  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

}
