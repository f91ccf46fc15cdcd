package io.gradlens.app.saliency;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.explain.Aggregation;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Saliency tab. Any change of the input text or a control recomputes the
 * explanation in the background, cancelling the previous run; only the newest result is shown.
 * A failed computation is reported and clears the map, so nothing of an earlier request stays.
 */
public final class SaliencyViewModel {

  private final TextSaliencyService service;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final ObservableValue<String> text;

  private final ObjectProperty<SaliencyMethod> method =
      new SimpleObjectProperty<>(this, "method", SaliencyMethod.GRADIENT);
  private final ObjectProperty<Integer> targetClass = new SimpleObjectProperty<>(this, "target");
  private final ObjectProperty<Aggregation> aggregation =
      new SimpleObjectProperty<>(this, "aggregation", SaliencyRequest.defaults().aggregation());
  // Defaults from the core's method registry, the command line's defaults.
  private final IntegerProperty steps =
      new SimpleIntegerProperty(this, "steps", SaliencyRequest.defaults().steps());
  private final IntegerProperty samples =
      new SimpleIntegerProperty(this, "samples", SaliencyRequest.defaults().samples());
  private final DoubleProperty noise =
      new SimpleDoubleProperty(this, "noise", SaliencyRequest.defaults().noise());
  private final BooleanProperty normalize = new SimpleBooleanProperty(this, "normalize", true);
  private final javafx.beans.property.StringProperty baseline =
      new javafx.beans.property.SimpleStringProperty(this, "baseline",
          SaliencyRequest.defaults().baseline());

  private final ReadOnlyObjectWrapper<SaliencyResult> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyObjectWrapper<DivergingColorScale> colorScale =
      new ReadOnlyObjectWrapper<>(this, "colorScale", DivergingColorScale.withHalfRange(1));
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyIntegerWrapper completedRuns = new ReadOnlyIntegerWrapper(this, "runs");

  private final ObservableList<WorkspaceEntry> compareChoices =
      FXCollections.observableArrayList();
  private final ObjectProperty<WorkspaceEntry> compareModel =
      new SimpleObjectProperty<>(this, "compareModel");
  private final ReadOnlyObjectWrapper<SaliencyResult> compareResult =
      new ReadOnlyObjectWrapper<>(this, "compareResult");
  private final ObjectProperty<CompareScale> compareScale =
      new SimpleObjectProperty<>(this, "compareScale", CompareScale.PER_MODEL);
  private final ReadOnlyObjectWrapper<DivergingColorScale> compareColorScale =
      new ReadOnlyObjectWrapper<>(this, "compareColorScale", DivergingColorScale.withHalfRange(1));

  private final javafx.beans.property.StringProperty modelName =
      new javafx.beans.property.SimpleStringProperty(this, "modelName", "Current model");

  private final javafx.beans.property.StringProperty typedText =
      new javafx.beans.property.SimpleStringProperty(this, "typedText", "");
  private final ObservableList<String> typedHistory = FXCollections.observableArrayList();

  private TaskHandle running;
  private long generation;
  private TaskHandle checkingChoices;
  private long choicesGeneration;
  private final ReadOnlyBooleanWrapper choicesChecked =
      new ReadOnlyBooleanWrapper(this, "choicesChecked", true);
  private WorkspaceEntry comparedOn;
  private final MarkedRelevanceLine markedRelevance;

  /**
   * @param service computes explanations
   * @param runner background runner
   * @param errors reports failures
   * @param text the text to explain (null or blank: nothing to explain)
   */
  public SaliencyViewModel(TextSaliencyService service, TaskRunner runner, ErrorReporter errors,
      ObservableValue<String> text) {
    this.service = service;
    this.runner = runner;
    this.errors = errors;
    this.text = text;
    this.markedRelevance = new MarkedRelevanceLine(service, runner);
    // The text by value: a reloaded dataset re-selects an equal example, which is no reason to
    // explain it again (a change of model recomputes explicitly).
    text.addListener((o, before, after) -> {
      if (!isTyping()) {
        recompute();
      }
    });
    typedText.addListener((o, before, after) -> recompute());
    for (Observable input : List.of(method, targetClass, aggregation, steps, samples,
        noise, baseline, compareModel)) {
      input.addListener(o -> recompute());
    }
    normalize.addListener(o -> updateScale());
    compareScale.addListener(o -> updateScale());
    recompute();
  }

  /** @return selected attribution method */
  public ObjectProperty<SaliencyMethod> methodProperty() {
    return method;
  }

  /** @return explained class index, {@code null} for the predicted class */
  public ObjectProperty<Integer> targetClassProperty() {
    return targetClass;
  }

  /** @return per-token aggregation */
  public ObjectProperty<Aggregation> aggregationProperty() {
    return aggregation;
  }

  /** @return Integrated Gradients steps */
  public IntegerProperty stepsProperty() {
    return steps;
  }

  /** @return SmoothGrad samples */
  public IntegerProperty samplesProperty() {
    return samples;
  }

  /** @return SmoothGrad noise σ */
  public DoubleProperty noiseProperty() {
    return noise;
  }

  /**
   * @return the Integrated Gradients baseline as the command line's {@code --baseline} value
   *     ({@code zero}, a number or {@code token:WORD}; see {@link IgBaseline})
   */
  public javafx.beans.property.StringProperty baselineProperty() {
    return baseline;
  }

  /**
   * @return true: colours normalised by this example's max |score|; false: raw scores on a fixed
   *     half-range of 1 (comparable across examples)
   */
  public BooleanProperty normalizeProperty() {
    return normalize;
  }

  /**
   * @return the user's own sentence ("what if" text); while it is not blank it is explained
   *     instead of the Data tab's selected example, and clearing it returns to that example
   */
  public javafx.beans.property.StringProperty typedTextProperty() {
    return typedText;
  }

  /** @return whether a typed sentence is explained instead of the selected example */
  public boolean isTyping() {
    String t = typedText.get();
    return t != null && !t.isBlank();
  }

  /** @return the sentences typed this session, newest first, without repeats */
  public ObservableList<String> typedHistory() {
    return typedHistory;
  }

  /** Remembers the current typed sentence in {@link #typedHistory()} (newest first). */
  public void rememberTyped() {
    if (isTyping()) {
      String t = typedText.get().strip();
      typedHistory.remove(t);
      typedHistory.add(0, t);
    }
  }

  /** @return the text explained now: the typed sentence if any, else the selected example */
  public String explainedText() {
    return isTyping() ? typedText.get() : text.getValue();
  }

  /** @return the current model's name, for titles in compare mode */
  public javafx.beans.property.StringProperty modelNameProperty() {
    return modelName;
  }

  /** @return models offered for comparison (see {@link #offerCompareModels}) */
  public ObservableList<WorkspaceEntry> compareChoices() {
    return compareChoices;
  }

  /**
   * Offers for comparison those of {@code models} that can read {@code dataset}, never
   * {@code current} itself: the fit is checked by the service in the background, and when the
   * newest check is done the choices are replaced and a compare selection no longer among them
   * is cleared. Call it whenever the models, the dataset or the current model change.
   *
   * @param models the workspace's models
   * @param dataset the current dataset, or null (nothing to compare on)
   * @param current the current model, or null
   */
  public void offerCompareModels(List<WorkspaceEntry> models, WorkspaceEntry dataset,
      WorkspaceEntry current) {
    if (checkingChoices != null) {
      checkingChoices.cancel();
      checkingChoices = null;
    }
    long myCheck = ++choicesGeneration;
    comparedOn = dataset;
    choicesChecked.set(false);
    List<WorkspaceEntry> others = models.stream()
        .filter(m -> m.kind() == WorkspaceEntry.Kind.MODEL && !m.equals(current)).toList();
    if (dataset == null || others.isEmpty()) {
      setCompareChoices(List.of());
      choicesChecked.set(true);
      return;
    }
    checkingChoices = runner.submit("Models to compare on " + dataset.name(),
        (progress, cancel) -> service.modelsFitting(others, dataset, progress, cancel),
        new TaskCallbacks<>(
            fitting -> {
              if (myCheck == choicesGeneration) {
                setCompareChoices(fitting);
              }
            },
            e -> {
              if (myCheck == choicesGeneration) {
                errors.report("Compare with", e);
              }
            },
            () -> {
              if (myCheck == choicesGeneration) {
                checkingChoices = null;
                choicesChecked.set(true);
              }
            }));
  }

  /** @return false while the newest {@link #offerCompareModels} check runs */
  public ReadOnlyBooleanProperty choicesCheckedProperty() {
    return choicesChecked.getReadOnlyProperty();
  }

  private void setCompareChoices(List<WorkspaceEntry> choices) {
    WorkspaceEntry chosen = compareModel.get();
    if (chosen != null && !choices.contains(chosen)) {
      compareModel.set(null); // stale: it cannot read this dataset, or it is now current
    }
    compareChoices.setAll(choices);
  }

  /**
   * @return the second model shown side by side on the same example, or {@code null} when compare
   *     mode is off
   */
  public ObjectProperty<WorkspaceEntry> compareModelProperty() {
    return compareModel;
  }

  /**
   * @return how compare mode colours the two heatmaps: each by its own max |score| (the default,
   *     so a model whose scores are all small still shows where they are) or both by the larger
   *     one (equal colours mean equal scores)
   */
  public ObjectProperty<CompareScale> compareScaleProperty() {
    return compareScale;
  }

  /** @return colour scale of the second model's heatmap in compare mode */
  public ReadOnlyObjectProperty<DivergingColorScale> compareColorScaleProperty() {
    return compareColorScale.getReadOnlyProperty();
  }

  /** @return the second model's result in compare mode, null otherwise */
  public ReadOnlyObjectProperty<SaliencyResult> compareResultProperty() {
    return compareResult.getReadOnlyProperty();
  }

  /** Both results of one computation; {@code other} is null outside compare mode. */
  private record Results(SaliencyResult main, SaliencyResult other) {
  }

  /** @return newest successful result, null before the first one */
  public ReadOnlyObjectProperty<SaliencyResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** @return colour scale for the current result and normalisation setting */
  public ReadOnlyObjectProperty<DivergingColorScale> colorScaleProperty() {
    return colorScale.getReadOnlyProperty();
  }

  /** @return whether a computation is running */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** @return one-line status for the tab */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return number of computations that delivered a result (for tests and diagnostics) */
  public ReadOnlyIntegerProperty completedRunsProperty() {
    return completedRuns.getReadOnlyProperty();
  }

  /**
   * @return the request the current control values describe
   * @throws IllegalArgumentException with the method registry's message for a bad value
   */
  public SaliencyRequest request() {
    return new SaliencyRequest(method.get(), targetClass.get(), aggregation.get(), steps.get(),
        samples.get(), noise.get(), baseline.get());
  }

  /** Recomputes for the current text and controls, cancelling a running computation. */
  public void recompute() {
    if (running != null) {
      running.cancel();
      running = null;
    }
    long myGeneration = ++generation;
    String input = explainedText();
    // The selected example's text is null until a model is current: no model, nothing to run.
    if (input == null || input.isBlank() || text.getValue() == null) {
      busy.set(false);
      status.set("Select a model and an example in the Data tab to explain it.");
      return;
    }
    SaliencyRequest request;
    try {
      request = request();
    } catch (IllegalArgumentException e) {
      status.set(e.getMessage());
      return;
    }
    busy.set(true);
    status.set("Computing " + request.method().displayName() + "\u2026");
    WorkspaceEntry other = compareModel.get();
    running = runner.submit("Saliency (" + request.method().displayName() + ")",
        (progress, cancel) -> new Results(service.explain(input, request, progress, cancel),
            other == null ? null : service.explainWith(other, input, request, progress, cancel)),
        new TaskCallbacks<>(
            both -> {
              if (myGeneration == generation) {
                SaliencyResult r = both.main();
                result.set(r);
                compareResult.set(both.other());
                updateScale();
                measureMarkedRelevance();
                status.set(r.method() + " for class \"" + r.classNames().get(r.targetClass())
                    + "\"" + saturationNote(r.probabilities()));
                completedRuns.set(completedRuns.get() + 1);
              }
            },
            e -> {
              if (myGeneration == generation) {
                // What is drawn must belong to the current request: a failure leaves no map of
                // another model, dataset or example behind.
                result.set(null);
                compareResult.set(null);
                status.set("Failed: " + ErrorMessages.oneLine(e));
                errors.report("Saliency", e);
              }
            },
            () -> {
              if (myGeneration == generation) {
                busy.set(false);
                running = null;
              }
            }));
  }

  private void updateScale() {
    SaliencyResult r = result.get();
    SaliencyResult other = compareResult.get();
    if (r == null || !normalize.get()) {
      colorScale.set(DivergingColorScale.withHalfRange(1));
      compareColorScale.set(DivergingColorScale.withHalfRange(1));
      return;
    }
    double[] scores = r.scores();
    if (other == null) {
      colorScale.set(DivergingColorScale.fitting(scores));
      return;
    }
    double[] second = other.scores();
    if (compareScale.get() == CompareScale.PER_MODEL) {
      colorScale.set(DivergingColorScale.fitting(scores));
      compareColorScale.set(DivergingColorScale.fitting(second));
      return;
    }
    // One scale for both models, so equal colours mean equal scores side by side.
    double[] all = java.util.Arrays.copyOf(scores, scores.length + second.length);
    System.arraycopy(second, 0, all, scores.length, second.length);
    DivergingColorScale shared = DivergingColorScale.fitting(all);
    colorScale.set(shared);
    compareColorScale.set(shared);
  }

  /**
   * Sets the positions of the shown example marked "must not matter" (tokens, or pixels
   * row-major), for the relevance line of compare mode.
   */
  public void setMarkedPositions(boolean[] marked) {
    markedRelevance.setMarks(marked);
    measureMarkedRelevance();
  }

  /**
   * @return in compare mode with marks, the share of |attribution| on the marked positions for
   *     the compared and the current model, on this example and as a mean over the marked test
   *     examples, e.g. {@code Relevance on marked tokens (“old” → “new”): this example 0.612 →
   *     0.081 · mean over 24 marked test examples 0.550 → 0.070}; empty otherwise
   */
  public ReadOnlyStringProperty markedRelevanceProperty() {
    return markedRelevance.textProperty();
  }

  /** Updates the relevance line for the results, marks, dataset and settings shown now. */
  private void measureMarkedRelevance() {
    SaliencyResult now = result.get();
    SaliencyResult then = compareResult.get();
    WorkspaceEntry other = compareModel.get();
    if (now == null || then == null || other == null || isTyping()) {
      markedRelevance.clear();
      return;
    }
    SaliencyRequest request;
    try {
      request = request();
    } catch (IllegalArgumentException e) {
      request = null;
    }
    markedRelevance.update(now, then, other, modelName.get(), comparedOn, request);
  }

  /** @return CSV header for {@link #scoreRows()} */
  public static List<String> csvHeader() {
    return List.of("index", "token", "score", "normalized");
  }

  /** @return one row per token of the current result (empty without a result) */
  public List<List<String>> scoreRows() {
    SaliencyResult r = result.get();
    List<List<String>> rows = new ArrayList<>();
    if (r == null) {
      return rows;
    }
    DivergingColorScale scale = colorScale.get();
    double[] scores = r.scores();
    for (int i = 0; i < scores.length; i++) {
      rows.add(List.of(Integer.toString(i), r.tokens().get(i), format(scores[i]),
          format(scale.normalize(scores[i]))));
    }
    return rows;
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.9g", v);
  }

  /**
   * A note for a saturated prediction, whose top probability float32 cannot tell from 1 (within
   * one float32 ulp below 1): its log-probability gradient is computed from the other classes'
   * probabilities ({@code NnOps.sumOfOthers}), so it is accurate, but the shown {@code p} is not.
   */
  static String saturationNote(double[] probabilities) {
    double top = 0;
    double others = 0;
    for (double p : probabilities) {
      top = Math.max(top, p);
    }
    for (double p : probabilities) {
      others += p;
    }
    others -= top;
    if (top < 1 - Math.ulp(1.0f)) {
      return "";
    }
    return String.format(java.util.Locale.ROOT, " \u00b7 saturated prediction: p rounds to 1 in "
        + "float32 (the other classes sum to %.1e); its gradient is computed from them", others);
  }
}
