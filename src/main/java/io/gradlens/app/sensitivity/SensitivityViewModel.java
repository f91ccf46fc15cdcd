package io.gradlens.app.sensitivity;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.SensitivityRow;
import io.gradlens.app.service.SensitivityService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ExclusiveJob;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Sensitivity tab: the chosen model (by default the shipped price model), how many
 * test rows, the explained class of a classifier, and the last result as per-feature bars and
 * per-row table rows. A model the view cannot explain (a text model) gives a message, not a
 * dialog: it says what the view needs. A result whose rows came from the current dataset, or
 * that explained the current model, is cleared when that dataset or model changes.
 */
public final class SensitivityViewModel {

  /** Rows analysed unless the user chooses otherwise. */
  public static final int DEFAULT_ROWS = 200;

  private final SensitivityService service;
  private final ErrorReporter errors;
  private final ObservableValue<WorkspaceEntry> dataset;
  private final TaskRunner runner;
  private final ExclusiveJob job;
  private final ObjectProperty<WorkspaceEntry> model = new SimpleObjectProperty<>(this, "model");
  private final ObservableList<WorkspaceEntry> modelChoices = FXCollections.observableArrayList();
  private final IntegerProperty rows = new SimpleIntegerProperty(this, "rows", DEFAULT_ROWS);
  private final ObjectProperty<Integer> targetClass = new SimpleObjectProperty<>(this, "target");
  private final ObservableList<Integer> targetChoices = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<SensitivityResult> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
      "Choose a model and press Compute.");
  private final ObservableList<SensitivityRow> tableRows = FXCollections.observableArrayList();

  /**
   * @param service computes the sensitivity
   * @param runner runs it in the background
   * @param errors reports unexpected failures
   * @param dataset the workbench's current dataset (a classifier's rows come from it)
   */
  public SensitivityViewModel(SensitivityService service, TaskRunner runner, ErrorReporter errors,
      ObservableValue<WorkspaceEntry> dataset) {
    this.service = service;
    this.errors = errors;
    this.dataset = dataset;
    this.runner = runner;
    this.job = new ExclusiveJob(runner);
    targetChoices.add(null);
    dataset.addListener((o, before, after) -> {
      SensitivityResult r = result.get();
      if (r != null && (model.get() == null || before != null && r.dataset().equals(before.name()))) {
        clear(); // its rows came from the dataset that is no longer current
      }
    });
  }

  /**
   * The workbench's current model changed: a result of "current model" described the old one
   * and is cleared.
   */
  public void currentModelChanged() {
    if (model.get() == null && result.get() != null) {
      clear();
    }
  }

  private void clear() {
    job.cancel();
    result.set(null);
    tableRows.clear();
    message.set("The current dataset or model changed: press Compute.");
  }

  /**
   * Chooses the service's example model (the shipped price model), in the background since it
   * reads model files, unless a model was chosen meanwhile.
   */
  public void chooseExampleModel() {
    runner.submit("Find the example model", (progress, cancel) -> service.exampleModel(),
        TaskCallbacks.of(found -> found.ifPresent(e -> {
          if (model.get() == null) {
            model.set(e);
          }
        }), e -> errors.report("Find the example model", e)));
  }

  /** Computes for the chosen model and settings, cancelling a running computation. */
  public void compute() {
    SensitivityRequest request;
    try {
      request = new SensitivityRequest(model.get(), dataset.getValue(), rows.get(),
          targetClass.get());
    } catch (IllegalArgumentException e) {
      message.set(e.getMessage());
      return;
    }
    String name = request.model() == null ? "the current model" : request.model().name();
    message.set("Computing the sensitivity of " + name + "\u2026");
    job.start("Sensitivity of " + name,
        (progress, cancel) -> service.sensitivity(request, progress, cancel), this::show,
        failure -> {
          result.set(null);
          tableRows.clear();
          if (failure instanceof IllegalArgumentException) {
            message.set(failure.getMessage());
          } else {
            message.set("The sensitivity could not be computed.");
            errors.report("Sensitivity", failure);
          }
        });
  }

  private void show(SensitivityResult r) {
    result.set(r);
    tableRows.setAll(r.rows());
    List<Integer> classes = new ArrayList<>();
    classes.add(null);
    for (int c = 0; c < r.classNames().size(); c++) {
      classes.add(c);
    }
    if (!classes.equals(targetChoices)) {
      targetChoices.setAll(classes);
    }
    message.set(summary(r));
  }

  /** @return a one-line description of a result: model, output, rows and shown features */
  static String summary(SensitivityResult r) {
    String shown = r.isTruncated()
        ? String.format(Locale.ROOT, "the %d of %d input entries with the largest mean |\u2202/\u2202x|",
            r.features().size(), r.totalFeatures())
        : r.features().size() + " features";
    return String.format(Locale.ROOT, "\u2202 %s / \u2202 input of %s over %d test rows of %s; %s.",
        r.output(), r.model(), r.rows().size(), r.dataset(), shown);
  }

  /** Cancels a running computation. */
  public void cancel() {
    if (job.cancel()) {
      message.set("Cancelled.");
    }
  }

  /** @return the name of a target choice: "predicted" for null, else the class name */
  public String targetName(Integer choice) {
    SensitivityResult r = result.get();
    if (choice == null) {
      return "predicted";
    }
    return r != null && choice < r.classNames().size() ? r.classNames().get(choice)
        : String.valueOf(choice);
  }

  /** @return the per-feature CSV (as the command line's {@code --format csv}) */
  public List<List<String>> featureCsvRows() {
    List<List<String>> out = new ArrayList<>();
    SensitivityResult r = result.get();
    if (r != null) {
      for (FeatureSensitivity f : r.features()) {
        out.add(List.of(f.input(), f.feature(), num(f.mean()), num(f.meanAbsolute())));
      }
    }
    return out;
  }

  /** @return header of {@link #featureCsvRows()} */
  public static List<String> featureCsvHeader() {
    return List.of("input", "feature", "mean", "mean_abs");
  }

  /** @return header of {@link #rowCsvRows()}: row, output, then one column per feature */
  public List<String> rowCsvHeader() {
    List<String> header = new ArrayList<>(List.of("row", "output"));
    SensitivityResult r = result.get();
    if (r != null) {
      r.features().forEach(f -> header.add(f.label()));
    }
    return header;
  }

  /** @return the per-row table as CSV rows, in the table's current (sorted) order */
  public List<List<String>> rowCsvRows() {
    List<List<String>> out = new ArrayList<>();
    for (SensitivityRow row : tableRows) {
      List<String> cells = new ArrayList<>(List.of(String.valueOf(row.index()), num(row.output())));
      for (double g : row.gradients()) {
        cells.add(num(g));
      }
      out.add(cells);
    }
    return out;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** @return the chosen model, or null for the current model */
  public ObjectProperty<WorkspaceEntry> modelProperty() {
    return model;
  }

  /** @return the models to choose from (kept in step with the workspace by the window) */
  public ObservableList<WorkspaceEntry> modelChoices() {
    return modelChoices;
  }

  /** @return how many test rows to analyse */
  public IntegerProperty rowsProperty() {
    return rows;
  }

  /** @return a classifier's explained class, or null for each row's prediction */
  public ObjectProperty<Integer> targetClassProperty() {
    return targetClass;
  }

  /** @return null (predicted) and the last result's class indices */
  public ObservableList<Integer> targetChoices() {
    return targetChoices;
  }

  /** @return the last result, or null */
  public ReadOnlyObjectProperty<SensitivityResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** @return what the view shows above the chart: a summary, progress or what it needs */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** @return the rows of the per-row table */
  public ObservableList<SensitivityRow> tableRows() {
    return tableRows;
  }

  /** @return whether a computation runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return job.busyProperty();
  }

  /** @return progress of the running computation (0–1, -1 unknown) */
  public ReadOnlyDoubleProperty progressProperty() {
    return job.progressProperty();
  }
}
