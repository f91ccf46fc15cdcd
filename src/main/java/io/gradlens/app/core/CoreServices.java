package io.gradlens.app.core;

import io.gradlens.app.AppServices;

/** Builds the workbench's services on the GradLens core, sharing one {@link CoreWorkspace}. */
public final class CoreServices {

  private CoreServices() {
  }

  /**
   * @param workspace the shared state
   * @return every service of the workbench over {@code workspace}
   */
  public static AppServices of(CoreWorkspace workspace) {
    return new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace))
        .withEdits(new CoreDatasetEditService(workspace))
        .withSensitivity(new CoreSensitivityService(workspace))
        .withSanity(new CoreSanityCheckService(workspace))
        .withInfluence(new CoreInfluenceService(workspace))
        .withHiddenState(new CoreHiddenStateService(workspace))
        .withEvaluation(new CoreEvaluationService(workspace));
  }
}
