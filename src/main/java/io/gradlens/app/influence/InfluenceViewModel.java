package io.gradlens.app.influence;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.Example;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.TracInProjection;
import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Influence tab's example mode: for the workbench's current test example, the
 * training examples that most support (proponents) and oppose (opponents) the current model's
 * prediction, by representer points, last-layer TracIn or projected all-layer TracIn (its layers
 * and dimension in {@link #projectionSettings()}). Works only while {@link #activeProperty()
 * active} (the tab is shown), since the first query for a model and dataset runs a precomputation
 * of seconds to minutes; a change of example, method, settings or k recomputes, cancelling the
 * previous run. Without a test example Compute is blocked ({@link #computeBlockedProperty()}).
 */
public final class InfluenceViewModel {

  /** The one-line explanation shown beside the fidelity figure. */
  public static final String FIDELITY_EXPLANATION = "Pearson r between the model's logits and "
      + "their sum over training points (\u03a3 \u03b1\u1d62\u2c7c f\u1d62\u1d40f\u209c) on the "
      + "test split: 1 means the scores add up exactly to what the model computes.";

  /** Why Compute is disabled without a test example. */
  public static final String SELECT_EXAMPLE = "Select a test example first";

  /** Why Compute is disabled for projected TracIn without a kind of layer. */
  public static final String TICK_A_LAYER = "Tick at least one kind of layer";

  private static final String CANCELLED = "Cancelled \u2014 press Compute to run it again.";

  private final InfluenceService service;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final ObservableValue<Example> example;
  private final ObservableValue<WorkspaceEntry> dataset;

  private final ObjectProperty<InfluenceMethod> method =
      new SimpleObjectProperty<>(this, "method", InfluenceMethod.REPRESENTER);
  private final IntegerProperty top = new SimpleIntegerProperty(this, "top", 10);
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final ReadOnlyObjectWrapper<InfluenceResult> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ObservableList<RankedExample> proponents = FXCollections.observableArrayList();
  private final ObservableList<RankedExample> opponents = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");
  private final ReadOnlyStringWrapper methodHint = new ReadOnlyStringWrapper(this, "hint", "");
  private final ReadOnlyStringWrapper fidelity = new ReadOnlyStringWrapper(this, "fidelity", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper computeBlocked =
      new ReadOnlyStringWrapper(this, "computeBlocked", SELECT_EXAMPLE);
  private final ProjectionSettingsModel projection = new ProjectionSettingsModel();

  private TaskHandle running;
  private long generation;
  private boolean stale = true;

  /**
   * @param service computes influence
   * @param runner background runner
   * @param errors reports failures
   * @param example the workbench's current example
   * @param dataset the dataset it belongs to
   */
  public InfluenceViewModel(InfluenceService service, TaskRunner runner, ErrorReporter errors,
      ObservableValue<Example> example, ObservableValue<WorkspaceEntry> dataset) {
    this.service = service;
    this.runner = runner;
    this.errors = errors;
    this.example = example;
    this.dataset = dataset;
    for (Observable input : List.of(example, dataset, method, top)) {
      input.addListener(o -> {
        updateBlocked();
        invalidate();
      });
    }
    for (Observable setting : projection.observables()) {
      setting.addListener(o -> {
        updateBlocked();
        if (method.get() == InfluenceMethod.TRACIN_PROJECTED) {
          invalidate();
        }
      });
    }
    updateBlocked();
    active.addListener((o, was, is) -> {
      if (is && stale) {
        recompute();
      }
    });
  }

  /** @return the influence method */
  public ObjectProperty<InfluenceMethod> methodProperty() {
    return method;
  }

  /** @return the layers and dimension of projected TracIn */
  public ProjectionSettingsModel projectionSettings() {
    return projection;
  }

  /**
   * @return why Compute cannot run now ({@value #SELECT_EXAMPLE}, {@value #TICK_A_LAYER}), or
   *     empty when it can
   */
  public ReadOnlyStringProperty computeBlockedProperty() {
    return computeBlocked.getReadOnlyProperty();
  }

  private void updateBlocked() {
    if (example.getValue() == null || dataset.getValue() == null) {
      computeBlocked.set(SELECT_EXAMPLE);
    } else if (method.get() == InfluenceMethod.TRACIN_PROJECTED
        && projection.settings().isEmpty()) {
      computeBlocked.set(TICK_A_LAYER);
    } else {
      computeBlocked.set("");
    }
  }

  /** @return how many proponents and opponents to list */
  public IntegerProperty topProperty() {
    return top;
  }

  /** @return whether the tab is shown; computation waits for it */
  public BooleanProperty activeProperty() {
    return active;
  }

  /** @return the newest result, null before the first */
  public ReadOnlyObjectProperty<InfluenceResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** @return proponents of the newest result, rank 1 first */
  public ObservableList<RankedExample> proponents() {
    return proponents;
  }

  /** @return opponents of the newest result, rank 1 (most negative) first */
  public ObservableList<RankedExample> opponents() {
    return opponents;
  }

  /** @return one-line status: what is computed, or timings */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return the explained example: id, gold label, prediction and text */
  public ReadOnlyStringProperty subjectProperty() {
    return subject.getReadOnlyProperty();
  }

  /** @return why the selected method cannot run and how to make it possible; empty if it can */
  public ReadOnlyStringProperty methodHintProperty() {
    return methodHint.getReadOnlyProperty();
  }

  /** @return the representer fidelity figure as text, empty for TracIn or without a result */
  public ReadOnlyStringProperty fidelityProperty() {
    return fidelity.getReadOnlyProperty();
  }

  /** @return whether a computation runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /**
   * Marks the shown ranking out of date (the example, method or dataset edits changed) and
   * recomputes now when the tab is shown, later otherwise.
   */
  public void invalidate() {
    stale = true;
    if (active.get()) {
      recompute();
    }
  }

  /** Stops the running computation; the last result stays. */
  public void cancel() {
    if (running != null) {
      running.cancel();
      running = null;
      generation++;
      busy.set(false);
      status.set(CANCELLED);
    }
  }

  /** Computes for the current example and controls, cancelling a running computation. */
  public void recompute() {
    if (running != null) {
      running.cancel();
      running = null;
    }
    long mine = ++generation;
    stale = false;
    busy.set(false);
    InfluenceMethod m = method.get();
    Optional<String> reason = service.unavailable(m);
    methodHint.set(reason.orElse(""));
    Example e = example.getValue();
    WorkspaceEntry d = dataset.getValue();
    subject.set(e == null ? "" : describe(e));
    if (reason.isPresent()) {
      clear(InfluenceMethodNames.displayName(m) + " is not available for this model.");
      return;
    }
    if (e == null || d == null) {
      clear(SELECT_EXAMPLE + " (in the Data tab) to see which training examples it rests on.");
      return;
    }
    Optional<TracInProjection> settings = projection.settings();
    if (m == InfluenceMethod.TRACIN_PROJECTED && settings.isEmpty()) {
      clear(TICK_A_LAYER + " for " + InfluenceMethodNames.displayName(m) + ".");
      return;
    }
    TracInProjection p = settings.orElse(TracInProjection.DEFAULT);
    int k = Math.max(1, top.get());
    boolean[] settled = {false};
    // The rankings on screen belong to the previous request: drop them before computing.
    clear("Computing " + InfluenceMethodNames.displayName(m) + " for " + e.id() + "\u2026");
    busy.set(true);
    running = runner.submit("Influence (" + InfluenceMethodNames.displayName(m) + ")",
        (progress, cancel) -> service.explain(d.id(), e.id(), m, p, k, progress, cancel),
        new TaskCallbacks<>(r -> {
          settled[0] = true;
          if (mine == generation) {
            show(r);
          }
        }, failure -> {
          settled[0] = true;
          if (mine == generation) {
            clear("Failed: " + ErrorMessages.oneLine(failure));
            // Bad input (a model that does not fit the dataset while both are being switched, an
            // excluded example) is said in the status line; only real failures open a dialog.
            if (!(ErrorMessages.unwrap(failure) instanceof IllegalArgumentException)) {
              errors.report("Influence", failure);
            }
          }
        }, () -> {
          if (mine == generation) {
            if (!settled[0]) {
              status.set(CANCELLED);
            }
            busy.set(false);
            running = null;
          }
        }));
  }

  /** @return e.g. {@code test/3 · gold positive · predicted negative (0.81): “text”} */
  static String describe(Example e) {
    String prediction = e.hasPrediction() ? String.format(Locale.ROOT,
        " \u00b7 predicted %s (%.2f)", e.prediction(), e.confidence()) : "";
    return e.id() + " \u00b7 gold " + e.label() + prediction + ": \u201c" + e.text() + "\u201d";
  }

  private void clear(String message) {
    result.set(null);
    proponents.clear();
    opponents.clear();
    fidelity.set("");
    status.set(message);
  }

  private void show(InfluenceResult r) {
    result.set(r);
    proponents.setAll(RankedExample.rank(r.proponents()));
    opponents.setAll(RankedExample.rank(r.opponents()));
    fidelity.set(Double.isNaN(r.fidelity()) ? ""
        : String.format(Locale.ROOT, "Representer fidelity r = %.4f", r.fidelity()));
    String over = (r.checkpoints() > 0 ? " over " + r.checkpoints() + " checkpoints" : "")
        + (r.projection() == null ? "" : String.format(Locale.ROOT, " (%s weights, d = %d)",
        r.projection().layers().id(), r.projection().dimension()));
    status.set(String.format(Locale.ROOT, "%s%s of %s for class \u201c%s\u201d: query %.2f ms "
        + "(precomputation %.1f s%s)", InfluenceMethodNames.displayName(r.method()), over,
        r.exampleId(), r.explainedClass(), r.queryMillis(), r.precomputeSeconds(),
        r.cached() ? ", cached" : ", just now"));
  }

  /** @return proponents then opponents as CSV rows ({@link RankedExample#csvHeader()}) */
  public List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    proponents.forEach(r -> rows.add(r.csvRow("proponent")));
    opponents.forEach(r -> rows.add(r.csvRow("opponent")));
    return rows;
  }
}
