package io.gradlens.app.saliency;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.chart.ProbabilityBarChart;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.heatmap.ImageHeatmapView;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.explain.Aggregation;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Saliency tab: method controls, token heatmap, class probabilities and exports. */
public final class SaliencyView extends BorderPane implements Exportable {

  /** One entry of the target-class selector; {@code index == null} means "predicted class". */
  record TargetChoice(Integer index, String name) {
    @Override
    public String toString() {
      return index == null ? "Predicted class" : name;
    }
  }

  private final SaliencyViewModel model;
  /** Side of a displayed image in pixels (images are zoomed by an integer factor up to it). */
  static final int IMAGE_SIDE = 168;

  private final TokenHeatmapView heatmap = new TokenHeatmapView();
  private final ImageHeatmapView imageHeatmap = new ImageHeatmapView();
  private final TokenHeatmapView compareHeatmap = new TokenHeatmapView();
  private final ImageHeatmapView compareImageHeatmap = new ImageHeatmapView();
  private final StackPane primary = new StackPane(heatmap);
  private final StackPane secondary = new StackPane(compareHeatmap);
  private final Label primaryTitle = new Label();
  private final Label compareTitle = new Label();
  private final Label markedRelevance = new Label();
  private final VBox comparePane = new VBox(4, compareTitle, markedRelevance, secondary);
  private final VBox panes = new VBox(8);
  private final ProbabilityBarChart probabilities = new ProbabilityBarChart();
  /** The definition of the relevance line, shown as its tooltip. */
  static final String MARKED_RELEVANCE_HELP = "Share of |attribution| on the tokens or pixels "
      + "marked \u201cmust not matter\u201d: \u03a3 over marked positions of |score| / \u03a3 over "
      + "all positions of |score| (0: the explanation ignores the marks, 1: it rests on them "
      + "alone), for the compared model \u2192 the current one, with the tab's method and target. "
      + "\u201cMean\u201d averages it over the test examples that carry a mark. Right for the "
      + "right reasons: Ross, Hughes & Doshi-Velez 2017, arXiv:1703.03717; it is the relevance "
      + "mass of Arras et al. 2022 (CLEVR-XAI) over |scores| on the region that must not matter.";
  private final ComboBox<TargetChoice> target = new ComboBox<>();
  private final Label prediction = new Label();
  private final ExportAction heatmapExport;
  private List<String> shownClasses = List.of();
  private boolean rebuildingTargets;

  /**
   * @param model the view model
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public SaliencyView(SaliencyViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("saliency-view");
    heatmap.setId("saliency-heatmap");
    imageHeatmap.setId("saliency-image");
    compareHeatmap.setId("compare-heatmap");
    compareImageHeatmap.setId("compare-image");
    comparePane.setId("compare-pane");
    primaryTitle.setId("primary-title");
    compareTitle.setId("compare-title");
    primaryTitle.setStyle("-fx-font-weight: bold");
    compareTitle.setStyle("-fx-font-weight: bold");
    heatmapExport = new ExportAction(prompt, errors, "Export heatmap", "saliency")
        .with(ExportFormat.PNG, path -> ChartExporter.writePng(shownForPng(), path))
        .with(ExportFormat.SVG, path -> ChartExporter.writeSvg(shownDrawable(), path))
        .with(ExportFormat.CSV, path -> CsvWriter.write(path, SaliencyViewModel.csvHeader(),
            model.scoreRows()));
    prediction.setId("saliency-prediction");
    prediction.setPadding(new Insets(0, 8, 4, 8));
    prediction.setStyle("-fx-font-weight: bold");
    WhatIfTextBar whatIf = new WhatIfTextBar(model.typedTextProperty(), model.typedHistory(),
        model::rememberTyped, Bindings.createBooleanBinding(() -> {
          SaliencyResult r = model.resultProperty().get();
          return r != null && r.isImage();
        }, model.resultProperty()));
    setTop(new VBox(controls(), whatIf, prediction));
    comparePane.getChildren().add(0, new CompareScaleToggle(model.compareScaleProperty(),
        model.normalizeProperty()));
    markedRelevance.setId("marked-relevance");
    markedRelevance.setWrapText(true);
    markedRelevance.textProperty().bind(model.markedRelevanceProperty());
    markedRelevance.visibleProperty().bind(model.markedRelevanceProperty().isNotEmpty());
    markedRelevance.managedProperty().bind(markedRelevance.visibleProperty());
    markedRelevance.setTooltip(new javafx.scene.control.Tooltip(MARKED_RELEVANCE_HELP));
    comparePane.visibleProperty().bind(Bindings.isNotNull(model.compareResultProperty()));
    comparePane.managedProperty().bind(comparePane.visibleProperty());
    primaryTitle.visibleProperty().bind(comparePane.visibleProperty());
    primaryTitle.managedProperty().bind(comparePane.visibleProperty());
    panes.getChildren().setAll(primaryTitle, primary, comparePane);
    panes.setId("saliency-panes");
    panes.setPadding(new Insets(0, 0, 8, 0));
    ScrollPane scroll = new ScrollPane(panes);
    scroll.setFitToWidth(true);
    probabilities.setPrefWidth(300);
    SplitPane center = new SplitPane(scroll, probabilities);
    center.setDividerPositions(0.7);
    setCenter(center);
    Label status = new Label();
    status.setId("saliency-status");
    status.textProperty().bind(model.statusProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.busyProperty());
    HBox bottom = new HBox(6, spinner, status);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(4, 8, 4, 8));
    setBottom(bottom);
    model.resultProperty().addListener((o, a, b) -> show());
    model.compareResultProperty().addListener((o, a, b) -> show());
    model.colorScaleProperty().addListener((o, a, b) -> show());
    model.compareColorScaleProperty().addListener((o, a, b) -> show());
    model.statusProperty().addListener((o, a, b) -> {
      if (model.resultProperty().get() == null) {
        heatmap.showMessage(model.statusProperty().get());
      }
    });
    heatmap.showMessage(model.statusProperty().get());
    show();
  }

  private FlowPane controls() {
    ComboBox<SaliencyMethod> method = new ComboBox<>();
    method.setId("method");
    method.getItems().setAll(SaliencyMethod.values());
    method.valueProperty().bindBidirectional(model.methodProperty());

    // Ranges from the core's method registry.
    io.gradlens.explain.MethodParameter stepsSpec =
        SaliencyMethod.INTEGRATED_GRADIENTS.descriptor().parameter("steps");
    io.gradlens.explain.MethodParameter samplesSpec =
        SaliencyMethod.SMOOTHGRAD.descriptor().parameter("samples");
    io.gradlens.explain.MethodParameter noiseSpec =
        SaliencyMethod.SMOOTHGRAD.descriptor().parameter("noise");
    Spinner<Integer> steps = new Spinner<>((int) stepsSpec.min(), (int) stepsSpec.max(),
        model.stepsProperty().get(), 10);
    steps.setId("ig-steps");
    steps.setEditable(true);
    steps.setPrefWidth(90);
    steps.valueProperty().addListener((o, a, b) -> model.stepsProperty().set(b));
    Spinner<Integer> samples = new Spinner<>((int) samplesSpec.min(), (int) samplesSpec.max(),
        model.samplesProperty().get(), 5);
    samples.setId("sg-samples");
    samples.setEditable(true);
    samples.setPrefWidth(90);
    samples.valueProperty().addListener((o, a, b) -> model.samplesProperty().set(b));
    Spinner<Double> noise = new Spinner<>(noiseSpec.min(), noiseSpec.max(),
        model.noiseProperty().get(), 0.05);
    noise.setId("sg-noise");
    noise.setEditable(true);
    noise.setPrefWidth(90);
    noise.valueProperty().addListener((o, a, b) -> model.noiseProperty().set(b));

    // Always laid out, disabled for the other methods: a change of method moves nothing on the
    // toolbar (a click aimed at a control must not land on another one).
    HBox igBox = new HBox(6, labelled(stepsSpec.label(), steps),
        new IgBaselineBar(model.baselineProperty()));
    igBox.disableProperty().bind(model.methodProperty().isNotEqualTo(
        SaliencyMethod.INTEGRATED_GRADIENTS));
    HBox sgBox = new HBox(6, labelled(samplesSpec.label(), samples),
        labelled(noiseSpec.label(), noise));
    sgBox.disableProperty().bind(model.methodProperty().isNotEqualTo(SaliencyMethod.SMOOTHGRAD));

    target.setId("target");
    target.getItems().setAll(new TargetChoice(null, ""));
    target.getSelectionModel().selectFirst();
    target.valueProperty().addListener((o, a, b) -> {
      if (rebuildingTargets) {
        return;
      }
      Integer index = b == null ? null : b.index();
      if (!Objects.equals(index, model.targetClassProperty().get())) {
        model.targetClassProperty().set(index);
      }
    });

    ComboBox<Aggregation> aggregation = new ComboBox<>();
    aggregation.setId("aggregation");
    aggregation.getItems().setAll(Aggregation.values());
    aggregation.valueProperty().bindBidirectional(model.aggregationProperty());
    aggregation.setConverter(new StringConverter<>() {
      @Override
      public String toString(Aggregation a) {
        return a == null ? "" : switch (a) {
          case SUM -> "Sum";
          case L2 -> "L2 norm";
          case ABS_SUM -> "Sum of |\u00b7|";
        };
      }

      @Override
      public Aggregation fromString(String s) {
        return null;
      }
    });

    CheckBox normalize = new CheckBox("Normalise per example");
    normalize.setId("normalize");
    normalize.selectedProperty().bindBidirectional(model.normalizeProperty());

    Button png = new Button("PNG");
    png.setId("export-png");
    png.setOnAction(e -> heatmapExport.run(window(), ExportFormat.PNG));
    Button svg = new Button("SVG");
    svg.setId("export-svg");
    svg.setOnAction(e -> heatmapExport.run(window(), ExportFormat.SVG));
    Button csv = new Button("CSV");
    csv.setId("export-csv");
    csv.setOnAction(e -> heatmapExport.run(window(), ExportFormat.CSV));
    for (Button b : List.of(png, svg, csv)) {
      b.disableProperty().bind(Bindings.isNull(model.resultProperty()));
    }

    CompareChooser compare = new CompareChooser(model.compareChoices(),
        model.compareModelProperty());

    FlowPane bar = new FlowPane(12, 6, labelled("Method", method), igBox, sgBox,
        labelled("Target", target), labelled("Aggregation", aggregation), normalize,
        labelled("Compare with", compare),
        labelled("Export", new HBox(4, png, svg, csv)));
    bar.setPadding(new Insets(8));
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private static HBox labelled(String text, javafx.scene.Node control) {
    HBox box = new HBox(4, new Label(text), control);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  private void show() {
    SaliencyResult r = model.resultProperty().get();
    if (r == null) {
      probabilities.clear();
      prediction.setText("");
      return;
    }
    prediction.setText(predictionText(r) + completenessNote(r) + oovNote(r));
    DivergingColorScale scale = model.colorScaleProperty().get();
    showIn(primary, heatmap, imageHeatmap, r, scale);
    primaryTitle.setText(model.modelNameProperty().get() + ": predicts \u201c"
        + r.classNames().get(r.predictedClass()) + "\u201d, explaining \u201c"
        + r.classNames().get(r.targetClass()) + "\u201d");
    SaliencyResult other = model.compareResultProperty().get();
    if (other != null) {
      showIn(secondary, compareHeatmap, compareImageHeatmap, other,
          model.compareColorScaleProperty().get());
      WorkspaceEntry m = model.compareModelProperty().get();
      compareTitle.setText((m == null ? "Other model" : m.name()) + ": predicts \u201c"
          + other.classNames().get(other.predictedClass()) + "\u201d, explaining \u201c"
          + other.classNames().get(other.targetClass()) + "\u201d");
    }
    probabilities.setProbabilities(r.classNames(), r.probabilities(), r.targetClass());
    updateTargets(r.classNames());
  }

  /** @return "Predicts “pos” (p = 0.912) · explaining “neg”" for a result */
  static String predictionText(SaliencyResult r) {
    int p = r.predictedClass();
    String text = String.format(java.util.Locale.ROOT, "Predicts \u201c%s\u201d (p = %.3f)",
        r.classNames().get(p), r.probabilities()[p]);
    return r.targetClass() == p ? text
        : text + " \u00b7 explaining \u201c" + r.classNames().get(r.targetClass()) + "\u201d";
  }

  /**
   * @return for Integrated Gradients, the completeness gap as the command line reports it:
   *     {@code · completeness gap |Σ attributions − (f(x) − f(x′))| = 1.23e-04 of f(x) − f(x′) =
   *     −0.532}; empty for a result without it
   */
  static String completenessNote(SaliencyResult r) {
    Double gap = r.diagnostics().get("completeness_gap");
    Double fx = r.diagnostics().get("f_input");
    Double fb = r.diagnostics().get("f_baseline");
    if (gap == null || fx == null || fb == null) {
      return "";
    }
    return String.format(java.util.Locale.ROOT, " \u00b7 completeness gap |\u03a3 attributions "
        + "\u2212 (f(x) \u2212 f(x\u2032))| = %.3g of f(x) \u2212 f(x\u2032) = %.4g", gap, fx - fb);
  }

  /** @return a note naming the tokens out of the model's vocabulary, empty when none */
  static String oovNote(SaliencyResult r) {
    if (r.outOfVocabulary().isEmpty()) {
      return "";
    }
    List<String> words = new java.util.TreeSet<>(r.outOfVocabulary()).stream()
        .map(r.tokens()::get).toList();
    return " \u00b7 not in the model's vocabulary (italic, underlined): "
        + String.join(", ", words);
  }

  private void updateTargets(List<String> classNames) {
    if (classNames.equals(shownClasses)) {
      return;
    }
    shownClasses = classNames;
    Integer selected = model.targetClassProperty().get();
    List<TargetChoice> choices = new ArrayList<>();
    choices.add(new TargetChoice(null, ""));
    for (int i = 0; i < classNames.size(); i++) {
      choices.add(new TargetChoice(i, classNames.get(i)));
    }
    rebuildingTargets = true;
    try {
      target.getItems().setAll(choices);
      target.getSelectionModel().select(selected == null || selected >= classNames.size()
          ? 0 : selected + 1);
    } finally {
      rebuildingTargets = false;
    }
  }

  private static void showIn(StackPane pane, TokenHeatmapView tokens, ImageHeatmapView image,
      SaliencyResult r, DivergingColorScale scale) {
    if (r.isImage()) {
      SaliencyResult.ImageInput in = r.image();
      int h = in.height();
      int w = in.width();
      int c = in.channels();
      float[] px = in.pixels();
      double[] scores = r.scores();
      double[][] gray = new double[h][w];
      double[][] map = new double[h][w];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double sum = 0;
          for (int k = 0; k < c; k++) {
            sum += px[(y * w + x) * c + k];
          }
          gray[y][x] = sum / c;
          map[y][x] = scores[y * w + x];
        }
      }
      image.setImage(gray, map, scale, Math.max(1, IMAGE_SIDE / Math.max(h, w)));
      pane.getChildren().setAll(image);
    } else {
      tokens.setOutOfVocabulary(r.outOfVocabulary());
      tokens.setTokens(r.tokens(), r.scores(), scale);
      pane.getChildren().setAll(tokens);
    }
  }

  private javafx.scene.Node shownPrimary() {
    return primary.getChildren().isEmpty() ? heatmap : primary.getChildren().get(0);
  }

  /** @return what the PNG shows: the heatmap, or in compare mode both titled panes */
  private javafx.scene.Node shownForPng() {
    return comparePane.isVisible() ? panes : shownPrimary();
  }

  /** @return what the SVG draws: the heatmap with its legend, in compare mode both, titled */
  private io.gradlens.app.export.SvgDrawable shownDrawable() {
    io.gradlens.app.export.SvgDrawable first =
        shownPrimary() == imageHeatmap ? imageHeatmap : heatmap;
    if (!comparePane.isVisible()) {
      return first;
    }
    io.gradlens.app.export.SvgDrawable second = secondary.getChildren().contains(
        compareImageHeatmap) ? compareImageHeatmap : compareHeatmap;
    return new io.gradlens.app.export.TitledSvgStack(List.of(primaryTitle.getText(),
        compareTitle.getText()), List.of(first, second));
  }

  /**
   * Adds the fix-the-reasons controls: token clicks toggle "must not matter" marks, a brush on the
   * input image marks pixels, marked tokens are outlined and marked pixels hatched.
   *
   * @param marking the marking state
   * @param retrain opens the Training tab preset with the explanation penalty
   */
  public void enableMarking(MaskMarkingModel marking, Runnable retrain) {
    MaskMarkingPane pane = new MaskMarkingPane(marking, retrain);
    pane.disableWhile(Bindings.createBooleanBinding(model::isTyping, model.typedTextProperty()));
    if (getCenter() instanceof SplitPane center) {
      int last = center.getItems().size() - 1;
      VBox side = new VBox(pane, center.getItems().get(last));
      VBox.setVgrow(side.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
      center.getItems().set(last, side);
    }
    addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && pane.isMarking()) {
        pane.stopMarking();
        e.consume();
      }
    });
    heatmap.setOnTokenClicked((index, token) -> {
      if (pane.isMarking() && !model.isTyping()) {
        marking.toggleToken(index);
      }
    });
    imageHeatmap.setOnPixelsPainted(pixels -> {
      if (pane.isMarking()) {
        marking.paintPixels(pixels);
      }
    });
    marking.markedTokensProperty().addListener((o, a, b) -> {
      heatmap.setMarked(b);
      pushMarks(marking);
    });
    marking.markedPixelsProperty().addListener((o, a, b) -> {
      imageHeatmap.setMarkedPixels(b);
      pushMarks(marking);
    });
    heatmap.setMarked(marking.markedTokensProperty().get());
    pushMarks(marking);
  }

  /** Hands the shown example's marks (tokens, or pixels for an image) to the view model. */
  private void pushMarks(MaskMarkingModel marking) {
    SaliencyResult r = model.resultProperty().get();
    if (r == null) {
      return;
    }
    if (r.isImage()) {
      boolean[] pixels = marking.markedPixelsProperty().get();
      model.setMarkedPositions(pixels == null ? new boolean[0] : pixels);
      return;
    }
    boolean[] marked = new boolean[r.tokens().size()];
    for (int i : marking.markedTokensProperty().get()) {
      if (i >= 0 && i < marked.length) {
        marked[i] = true;
      }
    }
    model.setMarkedPositions(marked);
  }

  /** @return the image heatmap (shown for image models) */
  public ImageHeatmapView imageHeatmap() {
    return imageHeatmap;
  }

  /** @return the compare-mode token heatmap */
  public TokenHeatmapView compareHeatmap() {
    return compareHeatmap;
  }

  /** @return the heatmap (for tests and export) */
  public TokenHeatmapView heatmap() {
    return heatmap;
  }

  /** @return the probability chart */
  public ProbabilityBarChart probabilityChart() {
    return probabilities;
  }

  @Override
  public void exportInteractively(Window owner) {
    heatmapExport.run(owner);
  }
}
