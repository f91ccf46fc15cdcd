package io.gradlens.app.workspace;

import io.gradlens.app.FileKind;
import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.data.imports.TextImportSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the workspace panel: the known datasets and models, and the open/select actions that
 * change the workbench's current dataset and model.
 */
public final class WorkspaceViewModel {

  private final WorkspaceService service;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final WorkbenchModel workbench;
  private final ObservableList<WorkspaceEntry> entries = FXCollections.observableArrayList();
  private final ObservableList<WorkspaceEntry> entriesView =
      FXCollections.unmodifiableObservableList(entries);
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
  private Consumer<Path> onFileOpened = p -> { };
  private Consumer<TextImportSettings> onImported = s -> { };

  /**
   * @param service the workspace
   * @param runner background runner
   * @param errors reports failures
   * @param workbench shared state updated by open/select
   */
  public WorkspaceViewModel(WorkspaceService service, TaskRunner runner, ErrorReporter errors,
      WorkbenchModel workbench) {
    this.service = service;
    this.runner = runner;
    this.errors = errors;
    this.workbench = workbench;
  }

  /** Sets the action run after a file was opened successfully (e.g. recent-files update). */
  public void setOnFileOpened(Consumer<Path> action) {
    onFileOpened = action;
  }

  /** Re-reads the entries from the service. */
  public void refresh() {
    entries.setAll(service.entries());
  }

  /** @return all entries (read-only) */
  public ObservableList<WorkspaceEntry> entries() {
    return entriesView;
  }

  /** Opens a file as dataset or model according to its extension; unknown types are reported. */
  public void open(Path file) {
    FileKind.of(file).ifPresentOrElse(kind -> {
      if (kind == FileKind.DATASET) {
        openDataset(file);
      } else {
        openModel(file);
      }
    }, () -> errors.report("Open " + file.getFileName(), new IllegalArgumentException(
        "Unknown file type: " + file.getFileName()
            + " (datasets: .csv .tsv .txt .jsonl .json; models: .gradlens .h5 .hdf5 .keras "
            + "model.json)")));
  }

  /**
   * Opens dropped files, each as {@link #open} does (by extension); every failure is reported
   * through the error reporter with the message the command line would print.
   */
  public void openAll(List<Path> files) {
    files.forEach(this::open);
  }

  /** Opens a dataset file in the background and makes it current. */
  public void openDataset(Path file) {
    runner.submit("Open dataset " + file.getFileName(),
        (progress, cancel) -> service.openDataset(file, progress, cancel),
        TaskCallbacks.of(entry -> {
          refresh();
          workbench.currentDatasetProperty().set(entry);
          onFileOpened.accept(file);
        }, e -> errors.report("Open dataset", e)));
  }

  /**
   * Imports a labelled text file with remembered settings in the background (a recent dataset),
   * without the dialog, and makes it current.
   *
   * @param onFailure receives a failure on the UI thread (e.g. to show the import dialog, which
   *     lists the file's problems by line)
   */
  public void openImported(TextImportSettings settings, Consumer<Throwable> onFailure) {
    Path file = settings.file();
    runner.submit("Import " + file.getFileName(),
        (progress, cancel) -> service.importDataset(settings, progress, cancel),
        TaskCallbacks.of(entry -> imported(entry, settings), onFailure));
  }

  /**
   * Lists a dataset just imported (by the import dialog or {@link #openImported}) and makes it
   * current, even when an earlier import of the same file was current (its classes may differ).
   */
  public void imported(WorkspaceEntry entry, TextImportSettings settings) {
    refresh();
    if (entry.equals(workbench.currentDatasetProperty().get())) {
      workbench.currentExampleProperty().set(null);
      workbench.currentDatasetProperty().set(null);
    }
    workbench.currentDatasetProperty().set(entry);
    onImported.accept(settings);
    onFileOpened.accept(settings.file());
  }

  /** Sets the action run after a dataset was imported (e.g. the recent-datasets update). */
  public void setOnImported(Consumer<TextImportSettings> action) {
    onImported = action;
  }

  /** @return whether the workspace previews and imports CSV/TSV/JSONL files (the import dialog) */
  public boolean supportsImport() {
    return service.supportsImport();
  }

  /** @return the workspace's service (the import dialog previews and imports through it) */
  public WorkspaceService service() {
    return service;
  }

  /** Opens a model file in the background and makes it current. */
  public void openModel(Path file) {
    WorkspaceEntry dataset = workbench.currentDatasetProperty().get();
    runner.submit("Open model " + file.getFileName(), (progress, cancel) -> {
      WorkspaceEntry entry = service.openModel(file, progress, cancel);
      return new Loaded(entry, service.datasetFor(entry, dataset, progress, cancel));
    }, TaskCallbacks.of(loaded -> {
      refresh();
      makeCurrent(loaded);
      onFileOpened.accept(file);
    }, e -> {
      refresh(); // a file that is listed without becoming current (a regression model) shows up
      errors.report("Open model", e);
    }));
  }

  /** A model just loaded, and a dataset to switch to when the current one does not fit it. */
  private record Loaded(WorkspaceEntry model, Optional<WorkspaceEntry> dataset) {
  }

  private void makeCurrent(Loaded loaded) {
    loaded.dataset().ifPresent(d -> {
      workbench.currentExampleProperty().set(null);
      workbench.currentDatasetProperty().set(d);
    });
    workbench.currentModelProperty().set(loaded.model());
  }

  /** Makes an entry current: datasets immediately, models after loading them. */
  public void select(WorkspaceEntry entry) {
    if (entry.kind() == WorkspaceEntry.Kind.DATASET) {
      workbench.currentDatasetProperty().set(entry);
      return;
    }
    if (entry.equals(workbench.currentModelProperty().get())) {
      return;
    }
    WorkspaceEntry dataset = workbench.currentDatasetProperty().get();
    runner.submit("Load model " + entry.name(), (progress, cancel) -> {
      service.selectModel(entry, progress, cancel);
      return new Loaded(entry, service.datasetFor(entry, dataset, progress, cancel));
    }, TaskCallbacks.of(this::makeCurrent, e -> errors.report("Load model", e)));
  }

  /**
   * Loads a model's details (kind, inputs, classes, provenance: what {@code bin/gradlens info}
   * prints) in the background into {@link #detailsProperty()}.
   */
  public void showDetails(WorkspaceEntry entry) {
    if (entry.kind() != WorkspaceEntry.Kind.MODEL) {
      details.set("");
      return;
    }
    runner.submit("Details of " + entry.name(),
        (progress, cancel) -> service.details(entry, progress, cancel),
        TaskCallbacks.of(found -> details.set(found
            .map(d -> entry.name() + "\n" + String.join("\n", d.lines()))
            .orElse(entry.name() + ": no details known")),
            e -> errors.report("Model details", e)));
  }

  /** @return the details of the model last asked for, one fact per line (empty: none) */
  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }
}
