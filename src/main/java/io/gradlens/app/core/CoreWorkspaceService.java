package io.gradlens.app.core;

import io.gradlens.app.export.AtomicFileWriter;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import io.gradlens.data.imports.ImportPreview;
import io.gradlens.data.imports.TextImport;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.io.ModelBundle;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@link WorkspaceService} over the core: data via {@code io.gradlens.data}, models of every format
 * and kind via {@link ModelRegistry} (opened through {@code workflow.models.ModelOpening}).
 */
public final class CoreWorkspaceService implements WorkspaceService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state */
  public CoreWorkspaceService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public java.util.Optional<io.gradlens.app.service.SaliencyResult.ImageInput> image(
      io.gradlens.app.service.Example example) {
    return workspace.imageInputByCaption(example.text());
  }

  @Override
  public List<WorkspaceEntry> entries() {
    return workspace.entries();
  }

  @Override
  public WorkspaceEntry openDataset(Path file, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    progress.progress(0, 0, "Reading " + file.getFileName() + "\u2026");
    return workspace.openDataset(file);
  }

  @Override
  public boolean supportsImport() {
    return true;
  }

  @Override
  public ImportPreview previewImport(TextImportSettings settings, int rows,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    progress.progress(0, 0, "Previewing " + settings.file().getFileName() + "\u2026");
    return TextImport.preview(settings, rows);
  }

  @Override
  public WorkspaceEntry importDataset(TextImportSettings settings, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    progress.progress(0, 0, "Importing " + settings.file().getFileName() + "\u2026");
    return workspace.importDataset(settings, cancel);
  }

  @Override
  public WorkspaceEntry openModel(Path file, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    return workspace.models().open(file, progress, cancel);
  }

  @Override
  public void selectModel(WorkspaceEntry model, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    progress.progress(0, 0, "Loading " + model.name() + "\u2026");
    workspace.selectModel(model);
  }

  @Override
  public List<Example> examples(WorkspaceEntry dataset, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    return workspace.examples(dataset, progress, cancel);
  }

  @Override
  public void saveModel(WorkspaceEntry model, Path file, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    progress.progress(0, 0, "Saving " + file.getFileName() + "\u2026");
    byte[] bytes = ModelBundle.toBytes(workspace.model(model.id()));
    AtomicFileWriter.write(file, out -> out.write(bytes));
    workspace.saveCheckpoints(model.id(), file);
  }

  @Override
  public Optional<io.gradlens.workflow.ModelDetails> details(WorkspaceEntry model,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return Optional.of(workspace.details(model.id()));
  }

  @Override
  public io.gradlens.workflow.explain.FitReport fit(WorkspaceEntry dataset, WorkspaceEntry model,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    progress.progress(0, 0, "Checking " + model.name() + " on " + dataset.name() + "\u2026");
    return workspace.fit(dataset.id(), model.id());
  }

  @Override
  public Optional<WorkspaceEntry> datasetFor(WorkspaceEntry model, WorkspaceEntry currentDataset,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return workspace.datasetFor(model, currentDataset);
  }
}
