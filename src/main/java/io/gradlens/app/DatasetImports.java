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
    this.recent = new RecentDatasetsViewModel(store);
    recent.setOnOpen(s -> workspace.openImported(s, e -> {
      if (ImportViewModel.isBadInput(e)) {
        showDialog(s, false);
      } else {
        errors.report("Open " + s.file().getFileName(), e);
      }
    }));
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
    String key = file.toAbsolutePath().normalize().toString();
    Optional<RecentDataset> remembered = store.load().stream()
        .filter(d -> d.file().equals(key)).findFirst();
    showDialog(remembered.map(SavedImportSettings::restore)
        .orElse(TextImportSettings.defaults(file)), remembered.isEmpty());
  }

  private void showDialog(TextImportSettings initial, boolean guessColumns) {
    ImportViewModel model = new ImportViewModel(workspace.service(), runner, initial,
        guessColumns);
    new ImportDialog(owner.get(), model, d -> workspace.imported(d.entry(), d.settings())).show();
  }
}
