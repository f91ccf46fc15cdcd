package io.gradlens.app.core;

import io.gradlens.app.service.DatasetEditService;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.ExampleRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link DatasetEditService} over the {@link CoreWorkspace}'s edit journals. An edit is checked
 * against the dataset before it is saved, so a list that would not apply is never written.
 */
public final class CoreDatasetEditService implements DatasetEditService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state */
  public CoreDatasetEditService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public DatasetEdits edits(String datasetId) throws IOException {
    return workspace.journal(datasetId).edits();
  }

  @Override
  public ExampleRef reference(String datasetId, String exampleId) throws IOException {
    return workspace.reference(datasetId, exampleId);
  }

  @Override
  public void add(String datasetId, DatasetEdit edit) throws IOException {
    var journal = workspace.journal(datasetId);
    journal.edits().with(edit).apply(workspace.rawDataset(datasetId));
    journal.add(edit);
  }

  @Override
  public boolean remove(String datasetId, DatasetEdit edit) throws IOException {
    return workspace.journal(datasetId).remove(edit);
  }

  @Override
  public Optional<DatasetEdit> undo(String datasetId) throws IOException {
    return workspace.journal(datasetId).undo();
  }

  @Override
  public Optional<DatasetEdit> redo(String datasetId) throws IOException {
    return workspace.journal(datasetId).redo();
  }

  @Override
  public boolean canRedo(String datasetId) throws IOException {
    return workspace.journal(datasetId).canRedo();
  }

  @Override
  public Path location(String datasetId) throws IOException {
    return workspace.journal(datasetId).file();
  }
}
