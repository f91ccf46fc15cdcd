package io.gradlens.app.hidden;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.HiddenStateService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.CurveBand;
import io.gradlens.workflow.hidden.NoRecurrentLayerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import io.gradlens.explain.HiddenUnitCurves;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.workflow.hidden.HiddenStateReading;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * State of the Hidden state tab. While the tab is {@linkplain #activeProperty() active}, the
 * typed sentence ({@link #typedTextProperty()}, when not blank) or else the current example is
 * read in the background ({@link HiddenStateService#read}: map, unit curves, prediction, OOV
 * tokens), cancelling the previous run; only the newest result is shown. Any change of input or
 * unit choice first clears the shown result, so nothing of the previous document stays; while the
 * tab is hidden, the change is remembered and mapped when the tab comes back. A model without a
 * recurrent layer sets {@link #noRecurrentLayerProperty()} instead of reporting an error; a typed
 * text the model refuses or a bad unit list is a status message. Clicking row t of the map selects
 * it; the view highlights the top-k input steps of that row. Dataset mode maps a seeded sample of
 * the current dataset's texts and summarises the curves step by step (mean and 10th–90th
 * percentile band).
 */
public final class HiddenStateViewModel {

  /** Default number of highlighted input steps per selected row. */
  public static final int DEFAULT_TOP_K = 5;
  /** Default k of "top k units". */
  public static final int DEFAULT_TOP_UNITS = 5;
  /** Default dataset sample size. */
  public static final int DEFAULT_SAMPLE = 50;
  /** Seed of the dataset sample, so the same dataset gives the same sample. */
  public static final long SAMPLE_SEED = 0L;

  private final HiddenStateService service;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final ObservableValue<String> text;
  private final Supplier<List<String>> datasetTexts;
  private final Supplier<String> datasetName;
  private final LongSupplier clock;

  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", DEFAULT_TOP_K);
  private final IntegerProperty sampleSize =
      new SimpleIntegerProperty(this, "sampleSize", DEFAULT_SAMPLE);
  private final BooleanProperty logCurve = new SimpleBooleanProperty(this, "logCurve");
  private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);

  private final ReadOnlyObjectWrapper<HiddenStateGradientMap> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyObjectWrapper<HiddenStateReading> reading =
      new ReadOnlyObjectWrapper<>(this, "reading");
  private final StringProperty typedText = new SimpleStringProperty(this, "typedText", "");
  private final ObservableList<String> typedHistory = FXCollections.observableArrayList();
  private final ObjectProperty<UnitChoice> unitChoice =
      new SimpleObjectProperty<>(this, "unitChoice", UnitChoice.MEAN);
  private final StringProperty chosenUnits = new SimpleStringProperty(this, "chosenUnits", "0");
  private final IntegerProperty topUnits =
      new SimpleIntegerProperty(this, "topUnits", DEFAULT_TOP_UNITS);
  private final ReadOnlyObjectWrapper<List<Integer>> highlighted =
      new ReadOnlyObjectWrapper<>(this, "highlighted", List.of());
  private final ReadOnlyObjectWrapper<DatasetCurves> datasetCurves =
      new ReadOnlyObjectWrapper<>(this, "datasetCurves");
  private final ReadOnlyStringWrapper noRecurrentLayer =
      new ReadOnlyStringWrapper(this, "noRecurrentLayer");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyIntegerWrapper completedRuns = new ReadOnlyIntegerWrapper(this, "runs");
  private final ReadOnlyDoubleWrapper lastMillis = new ReadOnlyDoubleWrapper(this, "millis");

  private TaskHandle running;
  private long generation;
  /** Whether the newest run delivered a result or a failure (else it was cancelled). */
  private boolean concluded;
  private boolean stale = true;

  /**
   * @param service computes hidden-state maps
   * @param runner background runner
   * @param errors reports failures
   * @param text the current example's text (null or blank: nothing to map)
   * @param datasetTexts the current dataset's texts, for dataset mode
   * @param datasetName the current dataset's name, for titles
   * @param clock nanosecond clock for the timing shown in the status line
   */
  public HiddenStateViewModel(HiddenStateService service, TaskRunner runner, ErrorReporter errors,
      ObservableValue<String> text, Supplier<List<String>> datasetTexts,
      Supplier<String> datasetName, LongSupplier clock) {
    this.service = service;
    this.runner = runner;
    this.errors = errors;
    this.text = text;
    this.datasetTexts = datasetTexts;
    this.datasetName = datasetName;
    this.clock = clock;
    text.addListener(o -> {
      if (!isTyping()) {
        invalidate();
      }
    });
    typedText.addListener(o -> invalidate());
    unitChoice.addListener(o -> invalidate());
    chosenUnits.addListener(o -> {
      if (unitChoice.get() == UnitChoice.CHOSEN) {
        invalidate();
      }
    });
    topUnits.addListener(o -> {
      if (unitChoice.get().ranking() != null) {
        invalidate();
      }
    });
    active.addListener((o, a, b) -> {
      if (b && stale) {
        recompute();
      }
    });
    selectedRow.addListener(o -> updateHighlight());
    topK.addListener(o -> updateHighlight());
  }

  /** @return the typed sentence ("Your text"), mapped instead of the example while not blank */
  public StringProperty typedTextProperty() {
    return typedText;
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

  /** @return whether a typed sentence is mapped instead of the selected example */
  public boolean isTyping() {
    String t = typedText.get();
    return t != null && !t.isBlank();
  }

  /** @return the text mapped now: the typed sentence if any, else the selected example's */
  public String currentText() {
    return isTyping() ? typedText.get() : text.getValue();
  }

  /** @return what the curves and the map follow: the mean over units or single units */
  public ObjectProperty<UnitChoice> unitChoiceProperty() {
    return unitChoice;
  }

  /** @return the units of {@link UnitChoice#CHOSEN}, comma-separated indices, e.g. "3, 17" */
  public StringProperty chosenUnitsProperty() {
    return chosenUnits;
  }

  /** @return k of the top-k unit choices */
  public IntegerProperty topUnitsProperty() {
    return topUnits;
  }

  /**
   * @return the unit selection of the current choice, null for the mean
   * @throws IllegalArgumentException when the chosen units are not a list of indices
   */
  public HiddenUnitSelection unitSelection() {
    UnitChoice c = unitChoice.get();
    if (c == UnitChoice.MEAN) {
      return null;
    }
    return c == UnitChoice.CHOSEN ? HiddenUnitSelection.parse(chosenUnits.get())
        : HiddenUnitSelection.top(Math.max(1, topUnits.get()), c.ranking());
  }

  /** @return the newest reading (map, unit curves, prediction), null when there is none */
  public ReadOnlyObjectProperty<HiddenStateReading> readingProperty() {
    return reading.getReadOnlyProperty();
  }

  /** @return whether the tab is shown; inputs are mapped only while it is */
  public BooleanProperty activeProperty() {
    return active;
  }

  /** @return how many input steps the selected row highlights */
  public IntegerProperty topKProperty() {
    return topK;
  }

  /** @return how many sequences dataset mode samples */
  public IntegerProperty sampleSizeProperty() {
    return sampleSize;
  }

  /** @return whether the gradient curve's axis is logarithmic */
  public BooleanProperty logCurveProperty() {
    return logCurve;
  }

  /** @return the selected row t of the map, -1 for none */
  public IntegerProperty selectedRowProperty() {
    return selectedRow;
  }

  /** @return newest map, null before the first or for a model without a recurrent layer */
  public ReadOnlyObjectProperty<HiddenStateGradientMap> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** @return the input steps the selected row depends on most, largest first */
  public ReadOnlyObjectProperty<List<Integer>> highlightedProperty() {
    return highlighted.getReadOnlyProperty();
  }

  /** @return the dataset-mode curves, null until computed */
  public ReadOnlyObjectProperty<DatasetCurves> datasetCurvesProperty() {
    return datasetCurves.getReadOnlyProperty();
  }

  /** @return why the current model has no hidden states over time, null when it has */
  public ReadOnlyStringProperty noRecurrentLayerProperty() {
    return noRecurrentLayer.getReadOnlyProperty();
  }

  /** @return whether a computation runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** @return progress of the running computation in [0, 1], -1 when unknown */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** @return one-line status for the tab */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return computations that delivered a result (tests, diagnostics) */
  public ReadOnlyIntegerProperty completedRunsProperty() {
    return completedRuns.getReadOnlyProperty();
  }

  /** @return wall time of the last finished computation in milliseconds */
  public ReadOnlyDoubleProperty lastMillisProperty() {
    return lastMillis.getReadOnlyProperty();
  }

  /**
   * Marks the input changed and drops what was shown of the old one (map, curves, read-out), so
   * nothing of another document, model or unit choice stays on screen; maps it now when the tab
   * is shown.
   */
  public void invalidate() {
    stale = true;
    reading.set(null);
    result.set(null);
    selectedRow.set(-1);
    if (active.get()) {
      recompute();
    }
  }

  /** Maps the typed sentence or the current example, cancelling whatever runs. */
  public void recompute() {
    stale = false;
    long mine = startRun();
    boolean typing = isTyping();
    String input = currentText();
    if (input == null || input.isBlank()) {
      busy.set(false);
      status.set("Select an example in the Data tab, or type your own text, to see its hidden"
          + " states.");
      return;
    }
    HiddenUnitSelection units;
    try {
      units = unitSelection();
    } catch (IllegalArgumentException e) {
      busy.set(false);
      status.set("Units: " + e.getMessage());
      return;
    }
    status.set("Mapping hidden-state gradients\u2026");
    long start = clock.getAsLong();
    running = runner.submit("Hidden-state gradients",
        (p, cancel) -> service.read(input, units, forwarded(p, mine), cancel),
        new TaskCallbacks<>(r -> {
          if (mine == generation) {
            noRecurrentLayer.set(null);
            selectedRow.set(-1);
            reading.set(r);
            result.set(r.map());
            updateHighlight();
            finished(start, "T = " + r.map().steps() + " steps of layer '" + r.map().layer()
                + "' (" + describe(r) + ")" + (typing ? ", your text" : ""));
          }
        }, e -> failed(mine, e, typing), () -> ended(mine)));
  }

  /** @return "mean over units" or "map of unit 3; curves of units 3, 1 (top 2 by gradient)" */
  static String describe(HiddenStateReading r) {
    if (r.units() == null) {
      return r.map().reduction() + " over units";
    }
    int[] u = r.units().units();
    String list = String.join(", ", java.util.Arrays.stream(u).mapToObj(String::valueOf).toList());
    return "map of unit " + u[0] + "; curves of unit" + (u.length == 1 ? " " : "s ") + list
        + (r.units().rankBy() == null ? "" : " (top " + u.length + " "
        + r.units().rankBy().label() + ")");
  }

  /** Maps a seeded sample of the current dataset and summarises its curves. */
  public void computeDataset() {
    long mine = startRun();
    List<String> all = datasetTexts.get();
    int size = Math.max(1, sampleSize.get());
    int count = Math.min(size, all.size());
    String name = datasetName.get();
    if (count == 0) {
      busy.set(false);
      status.set("Open a dataset to average its hidden-state curves.");
      return;
    }
    status.set("Mapping " + count + " sequences of " + name + "\u2026");
    long start = clock.getAsLong();
    running = runner.submit("Hidden-state curves of " + count + " sequences",
        (p, cancel) -> DatasetCurves.of(service.sample(all, size, SAMPLE_SEED,
            forwarded(p, mine), cancel), name),
        new TaskCallbacks<>(d -> {
          if (mine == generation) {
            noRecurrentLayer.set(null);
            datasetCurves.set(d);
            finished(start, "Dataset " + d.dataset() + ": " + d.sequences() + " sequences, mean"
                + " and 10th\u201390th percentile band");
          }
        }, e -> failed(mine, e, false), () -> ended(mine)));
  }

  /** Stops the running computation; the shown results stay. */
  public void cancel() {
    if (running != null) {
      running.cancel();
      running = null;
      generation++;
      busy.set(false);
      progress.set(0);
      status.set("Cancelled.");
      stale = true;
    }
  }

  /** Hides the dataset-mode curves. */
  public void clearDataset() {
    datasetCurves.set(null);
  }

  private long startRun() {
    if (running != null) {
      running.cancel();
      running = null;
    }
    busy.set(true);
    progress.set(-1);
    concluded = false;
    return ++generation;
  }

  /** Progress of run {@code mine}, forwarded to the FX thread while it is the newest. */
  private ProgressListener forwarded(ProgressListener p, long mine) {
    return (done, total, message) -> {
      p.progress(done, total, message);
      if (total > 0) {
        double fraction = (double) done / total;
        runner.uiExecutor().execute(() -> {
          if (mine == generation) {
            progress.set(fraction);
          }
        });
      }
    };
  }

  private void finished(long start, String what) {
    concluded = true;
    double millis = (clock.getAsLong() - start) / 1e6;
    lastMillis.set(millis);
    status.set(what + String.format(Locale.ROOT, " \u2014 %.1f s", millis / 1000));
    completedRuns.set(completedRuns.get() + 1);
  }

  private void failed(long mine, Throwable e, boolean typing) {
    if (mine != generation) {
      return;
    }
    concluded = true;
    // Whatever failed, the map on screen belongs to an earlier request: drop it.
    result.set(null);
    if (e instanceof IllegalArgumentException && !(e instanceof NoRecurrentLayerException)
        && (typing || unitChoice.get() != UnitChoice.MEAN)) {
      // a typed text too long for the model, or a unit the layer lacks: the user's input, not a fault
      status.set((typing ? "Your text: " : "Units: ") + e.getMessage());
      return;
    }
    if (e instanceof NoRecurrentLayerException) {
      result.set(null);
      datasetCurves.set(null);
      noRecurrentLayer.set(e.getMessage());
      status.set(e.getMessage());
      return;
    }
    status.set("Failed: " + ErrorMessages.oneLine(e));
    errors.report("Hidden-state gradients", e);
  }

  private void ended(long mine) {
    if (mine == generation) {
      if (!concluded) {
        // Cancelled elsewhere (the status bar's Cancel): say so, and map again when asked.
        status.set("Cancelled.");
        stale = true;
      }
      busy.set(false);
      progress.set(0);
      running = null;
    }
  }

  private void updateHighlight() {
    HiddenStateGradientMap r = result.get();
    int t = selectedRow.get();
    if (r == null || t < 0 || t >= r.steps()) {
      highlighted.set(List.of());
      return;
    }
    highlighted.set(RowRanking.top(row(r, t), Math.max(0, topK.get())));
  }

  private static double[] row(HiddenStateGradientMap r, int t) {
    double[] row = new double[r.steps()];
    for (int s = 0; s < row.length; s++) {
      row[s] = r.at(t, s);
    }
    return row;
  }

  /**
   * @return CSV header of {@link #stepRows()}: t, token, r(h_t) and c[t] of the map's reduction,
   *     then h_t,u and the curve of each selected unit u
   */
  public List<String> stepHeader() {
    List<String> header = new ArrayList<>(List.of("t", "token", "hidden_mean", "curve"));
    HiddenUnitCurves units = shownUnits();
    HiddenStateGradientMap r = result.get();
    if (r != null && units != null) {
      header.set(2, "hidden_" + r.reduction().replace(':', '_'));
      for (int u : units.units()) {
        header.add("h_u" + u);
        header.add("curve_u" + u);
      }
    }
    return header;
  }

  /** @return one row per step: token, r(h_t) and c[t] of the current result, then its units' */
  public List<List<String>> stepRows() {
    HiddenStateGradientMap r = result.get();
    List<List<String>> rows = new ArrayList<>();
    if (r == null) {
      return rows;
    }
    HiddenUnitCurves units = shownUnits();
    double[] h = r.hidden();
    double[] c = r.curve();
    double[][] uh = units == null ? new double[0][] : units.hidden();
    double[][] uc = units == null ? new double[0][] : units.curve();
    for (int t = 0; t < r.steps(); t++) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(t), r.tokens().get(t),
          format(h[t]), format(c[t])));
      for (int i = 0; i < uh.length; i++) {
        row.add(format(uh[i][t]));
        row.add(format(uc[i][t]));
      }
      rows.add(row);
    }
    return rows;
  }

  /** @return the unit curves of the shown map, null for the mean */
  private HiddenUnitCurves shownUnits() {
    HiddenStateReading r = reading.get();
    return r == null || r.map() != result.get() ? null : r.units();
  }

  /** @return CSV header of {@link #datasetRows()} */
  public static List<String> datasetHeader() {
    return List.of("t", "count", "hidden_mean", "hidden_p10", "hidden_p90", "curve_mean",
        "curve_p10", "curve_p90");
  }

  /** @return one row per step of the dataset-mode curves (empty before they exist) */
  public List<List<String>> datasetRows() {
    DatasetCurves d = datasetCurves.get();
    List<List<String>> rows = new ArrayList<>();
    if (d == null) {
      return rows;
    }
    CurveBand h = d.hidden();
    CurveBand c = d.gradient();
    for (int t = 0; t < c.steps(); t++) {
      rows.add(List.of(Integer.toString(t), Integer.toString(c.count()[t]),
          format(h.mean()[t]), format(h.low()[t]), format(h.high()[t]), format(c.mean()[t]),
          format(c.low()[t]), format(c.high()[t])));
    }
    return rows;
  }

  /** @return CSV header of {@link #mapRows()}: t, token, then one column per input step */
  public List<String> mapHeader() {
    HiddenStateGradientMap r = result.get();
    List<String> header = new ArrayList<>(List.of("t", "token"));
    for (int s = 0; r != null && s < r.steps(); s++) {
      header.add("s" + s);
    }
    return header;
  }

  /** @return the map, one row per hidden-state step t */
  public List<List<String>> mapRows() {
    HiddenStateGradientMap r = result.get();
    List<List<String>> rows = new ArrayList<>();
    if (r == null) {
      return rows;
    }
    for (int t = 0; t < r.steps(); t++) {
      List<String> row = new ArrayList<>(r.steps() + 2);
      row.add(Integer.toString(t));
      row.add(r.tokens().get(t));
      for (int s = 0; s < r.steps(); s++) {
        double v = r.at(t, s);
        row.add(v == 0 ? "0" : format(v));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The shortest decimal that reads back as exactly {@code v}, so CSV keeps exact values. */
  static String format(double v) {
    return Double.toString(v);
  }
}
