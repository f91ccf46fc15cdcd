package io.gradlens.app;

import io.gradlens.app.dataimport.ImportDialog;
import io.gradlens.app.dataimport.ImportViewModel;
import io.gradlens.app.dataimport.SavedImportSettings;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.settings.RecentDataset;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.app.workspace.RecentDatasetsViewModel;
import io.gradlens.app.workspace.WorkspaceViewModel;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Where the workbench's dataset files go: a CSV, TSV or JSON Lines file to the import dialog
 * (started from its remembered settings when it was imported before, else from the guess), every
 * import into the workspace and the Recent group; a Recent entry reopens without the dialog, and
 * opens the dialog when it no longer imports (the dialog lists the problems by line).
 */
final class DatasetImports {

  private final Supplier<Window> owner;
  private final WorkspaceViewModel workspace;
  private final TaskRunner runner;
  private final RecentDatasetsViewModel.Store store;
  private final RecentDatasetsViewModel recent;
  private final ErrorReporter errors;

  /**
   * @param owner the window the dialog belongs to
   * @param workspace previews, imports and lists the datasets
   * @param runner runs previews and imports off the FX thread
   * @param errors reports unexpected failures of a Recent entry
   * @param store where the Recent group persists
   */
  DatasetImports(Supplier<Window> owner, WorkspaceViewModel workspace, TaskRunner runner,
      ErrorReporter errors, RecentDatasetsViewModel.Store store) {
    this.owner = owner;
    this.workspace = workspace;
    this.runner = runner;
    this.store = store;
    this.errors = errors;
    this.recent = new RecentDatasetsViewModel(store);
    recent.setOnOpen(this::openWithout);
    recent.setOnEdit(s -> showDialog(s, false));
    workspace.setOnImported(recent::remember);
  }

  /** @return the Recent group of the workspace panel */
  RecentDatasetsViewModel recent() {
    return recent;
  }

  /** @return whether {@code file} opens through the import dialog (a table file, a core that imports) */
  boolean handles(Path file) {
    return workspace.supportsImport() && TableFormat.ofPath(file) != null;
  }

  /** Shows the import dialog for {@code file}. */
  void open(Path file) {
    Optional<RecentDataset> remembered = remembered(file);
    showDialog(remembered.map(SavedImportSettings::restore)
        .orElse(TextImportSettings.defaults(file)), remembered.isEmpty());
  }

  /**
   * Opens {@code file} again with its remembered import settings and no dialog (a restored
   * session), the dialog only when it no longer imports.
   *
   * @return false when the file was not imported before (the caller opens it another way)
   */
  boolean reopen(Path file) {
    Optional<RecentDataset> remembered = remembered(file);
    if (!handles(file) || remembered.isEmpty()) {
      return false;
    }
    openWithout(SavedImportSettings.restore(remembered.get()));
    return true;
  }

  private Optional<RecentDataset> remembered(Path file) {
    String key = file.toAbsolutePath().normalize().toString();
    return store.load().stream().filter(d -> d.file().equals(key)).findFirst();
  }

  /** Imports with {@code settings} directly; bad input opens the dialog on its problems. */
  private void openWithout(TextImportSettings settings) {
    workspace.openImported(settings, e -> {
      if (ImportViewModel.isBadInput(e)) {
        showDialog(settings, false);
      } else {
        errors.report("Open " + settings.file().getFileName(), e);
      }
    });
  }

  private void showDialog(TextImportSettings initial, boolean guessColumns) {
    ImportViewModel model = new ImportViewModel(workspace.service(), runner, initial,
        guessColumns);
    new ImportDialog(owner.get(), model, d -> workspace.imported(d.entry(), d.settings())).show();
  }
}
