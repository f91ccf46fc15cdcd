package io.gradlens.app.hidden;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.app.saliency.WhatIfTextBar;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenUnitCurves;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.workflow.hidden.HiddenStateReading;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;

/**
 * The Hidden state tab: for the current example, or a typed sentence ("Your text", the Saliency
 * tab's {@link WhatIfTextBar}), the hidden state and the gradient curve per timestep (the mean over
 * units, or one line per selected unit; linear or log axis), and the T&times;T map G[t][s] (of the
 * mean or of the first selected unit) with a log colour legend, axes clamped to the map and token
 * labels when zoomed in; the prediction and the out-of-vocabulary words; clicking row t highlights
 * in the token strip the k input tokens h_t depends on most. Dataset mode adds the curves of a
 * sample of the current dataset (mean and 10th–90th percentile band). Every chart exports PNG, SVG
 * and CSV. A model without a recurrent layer gets a message instead of the charts.
 */
public final class HiddenStateView extends BorderPane implements Exportable {

  /** What an export writes. */
  public enum Target {
    /** The map G[t][s]. */
    MAP("Map G[t][s]", "hidden-map"),
    /** The gradient curve c[t]. */
    CURVE("Gradient curve c[t]", "hidden-curve"),
    /** The mean hidden state r(h_t). */
    HIDDEN("Mean hidden state", "hidden-state"),
    /** The dataset-sample curves. */
    DATASET("Dataset sample curves", "hidden-dataset");

    private final String label;
    private final String baseName;

    Target(String label, String baseName) {
      this.label = label;
      this.baseName = baseName;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Most tokens in the strip: thousands of labels would block the FX thread for seconds. */
  static final int STRIP_MAX = 200;
  private static final int MAP_EXPORT_SIDE = 820;
  private static final int CURVE_EXPORT_WIDTH = 820;
  private static final int CURVE_EXPORT_HEIGHT = 400;

  private final HiddenStateViewModel model;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final HiddenMapChart map = new HiddenMapChart();
  private final StepChart hiddenChart = new StepChart("Mean hidden state per timestep",
      "r(h_t) = mean over units");
  private final StepChart curveChart = new StepChart("Gradient curve per timestep",
      "c[t] = \u2016\u2202r(h_t)/\u2202x\u2016");
  private final TokenHeatmapView tokens = new TokenHeatmapView();
  private final Label rowLabel = new Label();
  private final Label prediction = new Label();
  private final Label message = new Label();
  private final ChoiceBox<Target> exportTarget = new ChoiceBox<>();
  private final Map<Target, ExportAction> exports = new EnumMap<>(Target.class);
  private double lastRenderMillis;
  private double lastMapMillis;
  private TaskHandle rendering;
  private HiddenStateGradientMap stripResult;
  private double[] stripScores;
  private TokenWindow stripWindow = new TokenWindow(0, 0);

  /**
   * @param model the view model
   * @param runner renders the map's image off the FX thread
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public HiddenStateView(HiddenStateViewModel model, TaskRunner runner, FilePrompt prompt,
      ErrorReporter errors) {
    this.model = model;
    this.runner = runner;
    this.errors = errors;
    setId("hidden-state-view");
    hiddenChart.setId("hidden-chart");
    curveChart.setId("hidden-curve-chart");
    tokens.setId("hidden-tokens");
    rowLabel.setId("hidden-row-label");
    rowLabel.setWrapText(true);
    message.setId("hidden-message");
    message.setWrapText(true);
    message.setStyle("-fx-font-size: 14px; -fx-padding: 24px");
    for (Target t : Target.values()) {
      exports.put(t, exportAction(prompt, errors, t));
    }
    prediction.setId("hidden-prediction");
    prediction.setPadding(new Insets(0, 8, 4, 8));
    prediction.setStyle("-fx-font-weight: bold");
    setTop(new VBox(controls(), unitsBar(), whatIfBar(), prediction));
    setCenter(center());
    setBottom(bottom());
    map.setOnRowClicked(t -> model.selectedRowProperty().set(t));
    tokens.setOnTokenClicked((index, token) ->
        model.selectedRowProperty().set(stripWindow.start() + index));
    model.resultProperty().addListener((o, a, b) -> showResult());
    model.datasetCurvesProperty().addListener((o, a, b) -> showDataset());
    model.highlightedProperty().addListener((o, a, b) -> showSelection());
    model.selectedRowProperty().addListener((o, a, b) -> showSelection());
    model.logCurveProperty().addListener((o, a, b) -> curveChart.setLog(b));
    model.noRecurrentLayerProperty().addListener((o, a, b) -> showMessage());
    model.statusProperty().addListener((o, a, b) -> showMessage());
    curveChart.setLog(model.logCurveProperty().get());
    showResult();
    showDataset();
    showMessage();
  }

  private FlowPane controls() {
    Spinner<Integer> topK = spinner("hidden-topk", 100, model.topKProperty());
    CheckBox log = new CheckBox("Log scale (curve)");
    log.setId("hidden-log");
    log.selectedProperty().bindBidirectional(model.logCurveProperty());
    Spinner<Integer> sample = spinner("hidden-sample", 10_000, model.sampleSizeProperty());
    Button dataset = button("Average over dataset", "hidden-dataset", model::computeDataset);
    Button clear = button("Hide", "hidden-dataset-clear", model::clearDataset);
    clear.disableProperty().bind(Bindings.isNull(model.datasetCurvesProperty()));
    Button recompute = button("Recompute", "hidden-recompute", model::recompute);
    Button cancel = button("Cancel", "hidden-cancel", model::cancel);
    cancel.disableProperty().bind(model.busyProperty().not());
    exportTarget.setId("hidden-export-target");
    exportTarget.getItems().setAll(Target.values());
    exportTarget.setValue(Target.MAP);
    List<Button> formats = new ArrayList<>();
    for (ExportFormat f : List.of(ExportFormat.PNG, ExportFormat.SVG, ExportFormat.CSV)) {
      Button b = new Button(f.name());
      b.setId("hidden-export-" + f.extension());
      b.setOnAction(e -> exports.get(exportTarget.getValue()).run(window(), f));
      b.disableProperty().bind(Bindings.createBooleanBinding(() ->
          exportTarget.getValue() == Target.DATASET
              ? model.datasetCurvesProperty().get() == null
              : model.resultProperty().get() == null,
          exportTarget.valueProperty(), model.resultProperty(), model.datasetCurvesProperty()));
      formats.add(b);
    }
    HBox exportBox = new HBox(4, exportTarget);
    exportBox.getChildren().addAll(formats);
    FlowPane bar = new FlowPane(12, 6, labelled("Top-k tokens", topK), log,
        labelled("Sample", sample), dataset, clear, recompute, cancel,
        labelled("Export", exportBox));
    bar.setPadding(new Insets(8));
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  /** The unit chooser: the mean, chosen units, or the top k by activation or gradient. */
  private FlowPane unitsBar() {
    ChoiceBox<UnitChoice> choice = new ChoiceBox<>();
    choice.setId("hidden-units-choice");
    choice.getItems().setAll(UnitChoice.values());
    choice.valueProperty().bindBidirectional(model.unitChoiceProperty());
    TextField units = new TextField(model.chosenUnitsProperty().get());
    units.setId("hidden-units");
    units.setPromptText("e.g. 3, 17, 42");
    units.setPrefColumnCount(12);
    // committed on Enter or when the field loses focus, not per keystroke
    units.setOnAction(e -> model.chosenUnitsProperty().set(units.getText()));
    units.focusedProperty().addListener((o, a, focused) -> {
      if (!focused) {
        model.chosenUnitsProperty().set(units.getText());
      }
    });
    units.disableProperty().bind(model.unitChoiceProperty().isNotEqualTo(UnitChoice.CHOSEN));
    Spinner<Integer> k = spinner("hidden-units-k", HiddenUnitSelection.MAX_UNITS,
        model.topUnitsProperty());
    k.disableProperty().bind(Bindings.createBooleanBinding(
        () -> model.unitChoiceProperty().get().ranking() == null, model.unitChoiceProperty()));
    FlowPane bar = new FlowPane(12, 6, labelled("Units", choice), labelled("Unit indices", units),
        labelled("k", k));
    bar.setPadding(new Insets(0, 8, 4, 8));
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  /**
   * "Your text" (the Saliency tab's bar, with this tab's ids): any sentence, mapped instead of
   * the selected example while not blank.
   */
  private WhatIfTextBar whatIfBar() {
    WhatIfTextBar bar = new WhatIfTextBar(model.typedTextProperty(), model.typedHistory(),
        model::rememberTyped, new SimpleBooleanProperty(false));
    bar.setId("hidden-whatif-bar");
    bar.field().setPromptText("Type your own sentence to see its hidden states\u2026");
    for (String id : List.of("whatif-text", "whatif-explain", "whatif-history", "whatif-back")) {
      Node node = bar.lookup("#" + id);
      if (node != null) {
        node.setId("hidden-" + id);
      }
    }
    return bar;
  }

  private Node center() {
    VBox curves = new VBox(4, hiddenChart, curveChart);
    VBox.setVgrow(hiddenChart, Priority.ALWAYS);
    VBox.setVgrow(curveChart, Priority.ALWAYS);
    Label readout = new Label();
    readout.setId("hidden-readout");
    readout.textProperty().bind(map.readoutProperty());
    VBox mapBox = new VBox(4, map, readout);
    VBox.setVgrow(map, Priority.ALWAYS);
    SplitPane split = new SplitPane(curves, mapBox);
    split.setDividerPositions(0.45);
    split.visibleProperty().bind(Bindings.isNull(model.noRecurrentLayerProperty()));
    message.visibleProperty().bind(Bindings.isNotNull(model.noRecurrentLayerProperty()));
    return new StackPane(split, message);
  }

  private Node bottom() {
    ScrollPane strip = new ScrollPane(tokens);
    strip.setFitToWidth(true);
    strip.setPrefViewportHeight(90);
    Label status = new Label();
    status.setId("hidden-status");
    status.textProperty().bind(model.statusProperty());
    ProgressBar bar = new ProgressBar();
    bar.setId("hidden-progress");
    bar.setPrefWidth(160);
    bar.progressProperty().bind(model.progressProperty());
    bar.visibleProperty().bind(model.busyProperty());
    HBox line = new HBox(8, bar, status);
    line.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, rowLabel, strip, line);
    box.setPadding(new Insets(4, 8, 6, 8));
    return box;
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** An editable spinner over 1..max that writes to {@code value}. */
  private static Spinner<Integer> spinner(String id, int max,
      javafx.beans.property.IntegerProperty value) {
    Spinner<Integer> spinner = new Spinner<>(1, max, value.get());
    spinner.setId(id);
    spinner.setEditable(true);
    spinner.setPrefWidth(90);
    spinner.valueProperty().addListener((o, a, b) -> value.set(b));
    return spinner;
  }

  private static HBox labelled(String text, Node control) {
    HBox box = new HBox(4, new Label(text), control);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private ExportAction exportAction(FilePrompt prompt, ErrorReporter errors, Target target) {
    boolean isMap = target == Target.MAP;
    int width = isMap ? MAP_EXPORT_SIDE : CURVE_EXPORT_WIDTH;
    int height = isMap ? MAP_EXPORT_SIDE : CURVE_EXPORT_HEIGHT;
    return new ExportAction(prompt, errors, "Export " + target, target.baseName)
        .with(ExportFormat.PNG, path -> ChartExporter.writePng(chart(target), width, height, path))
        .with(ExportFormat.SVG, path -> ChartExporter.writeSvg(chart(target), width, height, path))
        .with(ExportFormat.CSV, path -> {
          switch (target) {
            case MAP -> CsvWriter.write(path, model.mapHeader(), model.mapRows());
            case DATASET -> CsvWriter.write(path, HiddenStateViewModel.datasetHeader(),
                model.datasetRows());
            default -> CsvWriter.write(path, model.stepHeader(),
                model.stepRows());
          }
        });
  }

  private JFreeChart chart(Target target) {
    return switch (target) {
      case MAP -> map.chart();
      case HIDDEN -> hiddenChart.chart();
      case CURVE, DATASET -> curveChart.chart();
    };
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  private void showResult() {
    long start = System.nanoTime();
    HiddenStateGradientMap r = model.resultProperty().get();
    HiddenStateReading reading = model.readingProperty().get();
    List<String> labels = r == null ? List.of() : labels(r, reading);
    renderMap(r, labels);
    HiddenUnitCurves units = reading == null || reading.map() != r ? null : reading.units();
    hiddenChart.chart().setTitle(units == null ? "Mean hidden state per timestep"
        : "Hidden state h_t,u of the selected units per timestep");
    curveChart.chart().setTitle(units == null ? "Gradient curve per timestep"
        : "Gradient curve \u2016\u2202h_t,u/\u2202x\u2016 per unit and timestep");
    if (units == null) {
      hiddenChart.setExample("this example", r == null ? null : r.hidden());
      curveChart.setExample("this example", r == null ? null : r.curve());
    } else {
      List<String> names = new ArrayList<>();
      List<double[]> hidden = new ArrayList<>();
      List<double[]> curves = new ArrayList<>();
      for (int i = 0; i < units.units().length; i++) {
        names.add("unit " + units.units()[i]);
        hidden.add(units.hidden(i));
        curves.add(units.curve(i));
      }
      hiddenChart.setSeries(names, hidden);
      curveChart.setSeries(names, curves);
    }
    hiddenChart.setTokens(labels);
    curveChart.setTokens(labels);
    prediction.setText(reading == null ? "" : predictionText(reading));
    tokens.setOutOfVocabulary(Set.of());
    if (r == null) {
      stripResult = null;
      tokens.showMessage("");
    }
    showSelection();
    lastRenderMillis = (System.nanoTime() - start) / 1e6;
  }

  /** The axis label of each step: the token, with a star when out of the model's vocabulary. */
  static List<String> labels(HiddenStateGradientMap r, HiddenStateReading reading) {
    Set<Integer> unknown = reading == null || reading.map() != r ? Set.of()
        : reading.outOfVocabulary();
    List<String> labels = new ArrayList<>(r.steps());
    for (int t = 0; t < r.steps(); t++) {
      labels.add(r.tokens().get(t) + (unknown.contains(t) ? OOV_MARK : ""));
    }
    return labels;
  }

  /** Marks a token out of the model's vocabulary on the axes. */
  static final String OOV_MARK = "*";

  /** @return "Predicts “positive” (p = 0.912) · * not in the model's vocabulary: zqfoo" */
  static String predictionText(HiddenStateReading r) {
    String text = r.predictedClass() == null ? "The model gives no class probabilities"
        : String.format(Locale.ROOT, "Predicts \u201c%s\u201d (p = %.3f)", r.predictedClass(),
            r.probability());
    if (r.outOfVocabulary().isEmpty()) {
      return text;
    }
    List<String> words = new java.util.TreeSet<>(r.outOfVocabulary()).stream()
        .map(r.tokens()::get).distinct().toList();
    return text + " \u00b7 " + OOV_MARK + " not in the model's vocabulary: "
        + String.join(", ", words);
  }

  /**
   * Renders the map's image pyramid in the background (T² colours: about a second for a
   * 1,400-token document) and shows it when it is still the current result.
   */
  private void renderMap(HiddenStateGradientMap r, List<String> labels) {
    if (rendering != null) {
      rendering.cancel();
      rendering = null;
    }
    map.show(null);
    if (r == null) {
      return;
    }
    long start = System.nanoTime();
    rendering = runner.submit("Rendering the hidden-state map",
        (progress, cancel) -> HiddenMapChart.Rendered.of(r, labels),
        TaskCallbacks.of(rendered -> {
          if (model.resultProperty().get() == r) {
            map.show(rendered);
            map.setSelectedRow(model.selectedRowProperty().get());
            lastMapMillis = (System.nanoTime() - start) / 1e6;
          }
        }, e -> errors.report("Hidden-state map", e)));
  }

  private void showDataset() {
    DatasetCurves d = model.datasetCurvesProperty().get();
    String name = d == null ? null : d.dataset() + " (" + d.sequences() + " sequences)";
    hiddenChart.setBand(name, d == null ? null : d.hidden());
    curveChart.setBand(name, d == null ? null : d.gradient());
  }

  private void showSelection() {
    HiddenStateGradientMap r = model.resultProperty().get();
    int t = model.selectedRowProperty().get();
    map.setSelectedRow(t);
    hiddenChart.setStep(r == null ? -1 : t);
    curveChart.setStep(r == null ? -1 : t);
    if (r == null || t < 0 || t >= r.steps()) {
      rowLabel.setText(r == null ? "" : "Click a row t of the map (or a token) to see which"
          + " input tokens h_t depends on most.");
      if (r != null) {
        showTokens(r, new double[r.steps()], DivergingColorScale.withHalfRange(1));
      }
      return;
    }
    List<Integer> top = model.highlightedProperty().get();
    double[] scores = new double[r.steps()];
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Selected t = %d (\u201c%s\u201d): h_t depends most on ", t, r.tokens().get(t)));
    for (int i = 0; i < top.size(); i++) {
      int s = top.get(i);
      scores[s] = r.at(t, s);
      text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "s = %d \u201c%s\u201d"
          + " (%.3g)", s, r.tokens().get(s), r.at(t, s)));
    }
    TokenWindow window = TokenWindow.of(r.steps(), t, STRIP_MAX);
    if (window.end() - window.start() < r.steps()) {
      text.append(String.format(Locale.ROOT, " (the strip shows tokens %d\u2013%d of %d)",
          window.start(), window.end() - 1, r.steps()));
    }
    rowLabel.setText(top.isEmpty() ? text + "no input (row is all zero)" : text.toString());
    showTokens(r, scores, DivergingColorScale.fitting(scores));
  }

  /** Sets the token strip unless it already shows exactly these scores (1,000s of labels). */
  private void showTokens(HiddenStateGradientMap r, double[] scores, DivergingColorScale scale) {
    TokenWindow window = TokenWindow.of(r.steps(), model.selectedRowProperty().get(), STRIP_MAX);
    if (r == stripResult && window.equals(stripWindow)
        && java.util.Arrays.equals(scores, stripScores)) {
      return;
    }
    stripResult = r;
    stripScores = scores;
    stripWindow = window;
    HiddenStateReading reading = model.readingProperty().get();
    Set<Integer> unknown = new java.util.HashSet<>();
    if (reading != null && reading.map() == r) {
      for (int t : reading.outOfVocabulary()) {
        if (t >= window.start() && t < window.end()) {
          unknown.add(t - window.start());
        }
      }
    }
    tokens.setOutOfVocabulary(unknown);
    tokens.setTokens(r.tokens().subList(window.start(), window.end()),
        java.util.Arrays.copyOfRange(scores, window.start(), window.end()), scale);
  }

  /** @return the tokens the strip shows (all but for long documents) */
  public TokenWindow stripWindow() {
    return stripWindow;
  }

  private void showMessage() {
    String why = model.noRecurrentLayerProperty().get();
    if (why != null) {
      message.setText("This model has no recurrent layer, so there are no hidden states over"
          + " time to show.\n\n" + why);
    }
    if (model.resultProperty().get() == null && why == null) {
      tokens.showMessage(model.statusProperty().get());
    }
  }

  /** @return the map chart */
  public HiddenMapChart mapChart() {
    return map;
  }

  /** @return the mean hidden state chart */
  public StepChart hiddenChart() {
    return hiddenChart;
  }

  /** @return the gradient curve chart */
  public StepChart curveChart() {
    return curveChart;
  }

  /** @return the token strip */
  public TokenHeatmapView tokenStrip() {
    return tokens;
  }

  /** @return FX-thread milliseconds the last result took to show (charts, token strip) */
  public double lastRenderMillis() {
    return lastRenderMillis;
  }

  /** @return milliseconds from the last result to its map on screen (background rendering) */
  public double lastMapMillis() {
    return lastMapMillis;
  }

  /** Selects what File ▸ Export… and the export buttons write. */
  public void setExportTarget(Target target) {
    exportTarget.setValue(target);
  }

  @Override
  public void exportInteractively(Window owner) {
    exports.get(exportTarget.getValue()).run(owner);
  }
}
