package io.gradlens.app.data;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the Data tab: all examples of the current dataset, the filtered and sorted view of
 * them, and the filter controls. Selecting an example sets the shared current example.
 *
 * <p>Nothing of one dataset outlives it: switching to another dataset empties the rows at once
 * and resets the search and filters, and the accuracy-change line belongs to the load it was
 * reported by (any later load without a pending comparison clears it).
 */
public final class DataViewModel {

  private final WorkspaceService workspace;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final ObjectProperty<Example> currentExample;

  private final ObservableList<Example> examples = FXCollections.observableArrayList();
  private final FilteredList<Example> filtered = new FilteredList<>(examples, e -> true);
  private final SortedList<Example> sorted = new SortedList<>(filtered);
  private final ObservableList<String> labels = FXCollections.observableArrayList();

  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final BooleanProperty misclassifiedOnly =
      new SimpleBooleanProperty(this, "misclassifiedOnly");
  private final ObjectProperty<String> label = new SimpleObjectProperty<>(this, "label");
  private final DoubleProperty minConfidence = new SimpleDoubleProperty(this, "minConf", 0);
  private final DoubleProperty maxConfidence = new SimpleDoubleProperty(this, "maxConf", 1);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
      "No dataset loaded \u2014 Open dataset\u2026");

  private final ReadOnlyStringWrapper accuracyChange =
      new ReadOnlyStringWrapper(this, "accuracyChange", "");
  private AccuracyChange pendingBefore;

  private TaskHandle loading;
  private WorkspaceEntry dataset;
  private WorkspaceEntry requested;
  private final javafx.beans.property.ReadOnlyObjectWrapper<WorkspaceEntry> shown =
      new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "shown");

  /**
   * @param workspace reads datasets
   * @param runner background runner
   * @param errors reports failures
   * @param currentExample shared current example, set on selection
   */
  public DataViewModel(WorkspaceService workspace, TaskRunner runner, ErrorReporter errors,
      ObjectProperty<Example> currentExample) {
    this.workspace = workspace;
    this.runner = runner;
    this.errors = errors;
    this.currentExample = currentExample;
    search.addListener(o -> refilter());
    misclassifiedOnly.addListener(o -> refilter());
    label.addListener(o -> refilter());
    minConfidence.addListener(o -> refilter());
    maxConfidence.addListener(o -> refilter());
  }

  /** @return the pixels of an image example for its thumbnail; empty for texts */
  public java.util.Optional<io.gradlens.app.service.SaliencyResult.ImageInput> image(Example example) {
    return workspace.image(example);
  }

  /** Loads a dataset's examples in the background, replacing the current ones on success. */
  public void load(WorkspaceEntry entry) {
    if (loading != null) {
      loading.cancel();
    }
    boolean otherDataset = requested != null && !requested.id().equals(entry.id());
    requested = entry;
    if (pendingBefore == null) {
      accuracyChange.set(""); // it described another pair, or these rows before an edit
    }
    if (otherDataset) {
      dataset = null;
      shown.set(null);
      clearFilters();
      examples.clear();
      labels.clear();
      currentExample.set(null);
    }
    summary.set("Loading " + entry.name() + "\u2026");
    loading = runner.submit("Load " + entry.name(),
        (progress, cancel) -> workspace.examples(entry, progress, cancel),
        new TaskCallbacks<>(list -> {
          dataset = entry;
          shown.set(entry);
          setExamples(list);
          reportPendingChange();
        }, e -> {
          summary.set("Could not load " + entry.name());
          errors.report("Load dataset", e);
        }, () -> { }));
  }

  /**
   * Compares the test accuracy of the next completed load (the model {@code after}, which must be
   * current by then) with {@code before}'s accuracy on the examples shown now, and shows the change
   * in {@link #accuracyChangeProperty()}.
   *
   * @param before name of the model whose predictions are shown now
   * @param after name of the model the next load predicts with
   * @return whether the accuracy now is known (otherwise nothing will be reported)
   */
  public boolean compareAfterNextLoad(String before, String after) {
    java.util.OptionalDouble now = AccuracyChange.accuracy(examples);
    pendingBefore = now.isPresent()
        ? new AccuracyChange(before, now.getAsDouble(), after, Double.NaN) : null;
    return pendingBefore != null;
  }

  private void reportPendingChange() {
    if (pendingBefore == null) {
      return;
    }
    AccuracyChange b = pendingBefore;
    pendingBefore = null;
    AccuracyChange.accuracy(examples).ifPresent(a -> accuracyChange.set(
        new AccuracyChange(b.before(), b.beforeAccuracy(), b.after(), a).describe()));
  }

  /** Resets the search text, the misclassified toggle, the class and the confidence range. */
  public void clearFilters() {
    search.set("");
    misclassifiedOnly.set(false);
    label.set(null);
    minConfidence.set(0);
    maxConfidence.set(1);
  }

  /** @return the dataset whose rows are listed; {@code null} while another one loads */
  public javafx.beans.property.ReadOnlyObjectProperty<WorkspaceEntry> shownDatasetProperty() {
    return shown.getReadOnlyProperty();
  }

  /** @return the last accuracy change, e.g. after a retrain; empty before any */
  public ReadOnlyStringProperty accuracyChangeProperty() {
    return accuracyChange.getReadOnlyProperty();
  }

  /** Reloads the current dataset (e.g. after the model changed, for fresh predictions). */
  public void reload() {
    if (requested != null) {
      load(requested);
    }
  }

  /** Replaces the examples (UI thread). */
  public void setExamples(List<Example> list) {
    examples.setAll(list);
    labels.setAll(new TreeSet<>(list.stream().map(Example::label).toList()));
    if (label.get() != null && !labels.contains(label.get())) {
      label.set(null);
    }
    refilter();
    keepOrSelectFirst(list);
  }

  /**
   * Keeps the current example when the new list has it (taking its fresh prediction), otherwise
   * selects the first example, so the analysis tabs always have something to explain.
   */
  private void keepOrSelectFirst(List<Example> list) {
    Example current = currentExample.get();
    Example same = current == null ? null : list.stream()
        .filter(e -> e.id().equals(current.id()) && e.text().equals(current.text()))
        .findFirst().orElse(null);
    if (same != null) {
      currentExample.set(same);
    } else {
      currentExample.set(sorted.isEmpty() ? null : sorted.get(0));
    }
  }

  /** @return every example of the dataset, ignoring filters and sort order (read-only) */
  public java.util.List<Example> allExamples() {
    return java.util.Collections.unmodifiableList(examples);
  }

  /** @return the example the analysis tabs explain (read-only view) */
  public javafx.beans.value.ObservableValue<Example> currentExampleProperty() {
    return currentExample;
  }

  /** Makes {@code example} the current example of the workbench. */
  public void select(Example example) {
    currentExample.set(example);
  }

  private void refilter() {
    filtered.setPredicate(filter());
    String name = dataset == null ? "" : dataset.name() + ": ";
    summary.set(examples.isEmpty() && dataset == null
        ? "No dataset loaded \u2014 Open dataset\u2026"
        : name + filtered.size() + " of " + examples.size() + " examples");
  }

  /** @return the filter the controls describe */
  public ExampleFilter filter() {
    return new ExampleFilter(search.get(), misclassifiedOnly.get(), label.get(),
        minConfidence.get(), maxConfidence.get());
  }

  /** @return examples after filtering and sorting; bind its comparator to the table's */
  public SortedList<Example> rows() {
    return sorted;
  }

  /** @return distinct gold labels, sorted */
  public ObservableList<String> labels() {
    return labels;
  }

  /** @return search text */
  public StringProperty searchProperty() {
    return search;
  }

  /** @return misclassified-only toggle */
  public BooleanProperty misclassifiedOnlyProperty() {
    return misclassifiedOnly;
  }

  /** @return gold-label filter, null for all */
  public ObjectProperty<String> labelProperty() {
    return label;
  }

  /** @return minimum confidence */
  public DoubleProperty minConfidenceProperty() {
    return minConfidence;
  }

  /** @return maximum confidence */
  public DoubleProperty maxConfidenceProperty() {
    return maxConfidence;
  }

  /** @return e.g. "sst2: 12 of 100 examples" */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
