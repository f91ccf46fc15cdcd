package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

import java.nio.file.Path;
import java.util.List;

/**
 * The honest workspace used until the core is wired in: it knows no datasets or models and
 * explains that opening files needs the core.
 */
public final class EmptyWorkspaceService implements WorkspaceService {

  private static final String NOT_WIRED =
      "Opening files needs the GradLens core, which is not wired into this build yet";

  @Override
  public List<WorkspaceEntry> entries() {
    return List.of();
  }

  @Override
  public WorkspaceEntry openDataset(Path file, ProgressListener progress,
      CancellationToken cancel) {
    throw new UnsupportedOperationException(NOT_WIRED + ": " + file);
  }

  @Override
  public WorkspaceEntry openModel(Path file, ProgressListener progress, CancellationToken cancel) {
    throw new UnsupportedOperationException(NOT_WIRED + ": " + file);
  }

  @Override
  public void selectModel(WorkspaceEntry model, ProgressListener progress,
      CancellationToken cancel) {
    throw new UnsupportedOperationException(NOT_WIRED);
  }

  @Override
  public List<Example> examples(WorkspaceEntry dataset, ProgressListener progress,
      CancellationToken cancel) {
    return List.of();
  }
}
