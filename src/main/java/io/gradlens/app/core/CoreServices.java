package io.gradlens.app.core;

import io.gradlens.app.AppServices;
import java.nio.file.Path;

/** Builds the workbench's services on the GradLens core, sharing one {@link CoreWorkspace}. */
public final class CoreServices {

  private CoreServices() {
  }

  /**
   * Influence indexes are cached in the user's cache folder ({@code $XDG_CACHE_HOME/gradlens/influence},
   * keyed by a hash of model, dataset and method), so shipped models in a read-only installation get
   * a disk cache too.
   *
   * @param workspace the shared state
   * @return every service of the workbench over {@code workspace}
   */
  public static AppServices of(CoreWorkspace workspace) {
    return new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace))
        .withEdits(new CoreDatasetEditService(workspace))
        .withSensitivity(new CoreSensitivityService(workspace))
        .withSanity(new CoreSanityCheckService(workspace))
        .withInfluence(new CoreInfluenceService(workspace, influenceCache()))
        .withHiddenState(new CoreHiddenStateService(workspace))
        .withEvaluation(new CoreEvaluationService(workspace));
  }

  /** @return the workbench's influence cache folder, {@code influence/} in the XDG cache folder */
  public static Path influenceCache() {
    return io.gradlens.workflow.influence.InfluenceIndexWorkflow.defaultCacheRoot();
  }
}
