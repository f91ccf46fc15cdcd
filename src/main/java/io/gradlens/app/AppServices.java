package io.gradlens.app;

import io.gradlens.app.service.DatasetEditService;
import io.gradlens.app.service.EmptyWorkspaceService;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.TrainingService;
import io.gradlens.app.service.WorkspaceService;
import java.util.Objects;
import java.util.Optional;

/**
 * The services the workbench runs against. Tabs whose service is absent are not created.
 *
 * @param workspace datasets and models (mandatory)
 * @param saliency text saliency, or {@code null} when not available
 * @param training training, or {@code null} when not available
 * @param edits dataset edit lists, or {@code null} when not available
 * @param influence training-example influence, or {@code null} when not available
 */
public record AppServices(WorkspaceService workspace, TextSaliencyService saliency,
    TrainingService training, DatasetEditService edits, InfluenceService influence) {

  /** Services without influence. */
  public AppServices(WorkspaceService workspace, TextSaliencyService saliency,
      TrainingService training, DatasetEditService edits) {
    this(workspace, saliency, training, edits, null);
  }

  /** Services without dataset edits. */
  public AppServices(WorkspaceService workspace, TextSaliencyService saliency,
      TrainingService training) {
    this(workspace, saliency, training, null, null);
  }

  /** Checks the mandatory service. */
  public AppServices {
    Objects.requireNonNull(workspace, "workspace");
  }

  /** @return the services of a build without the core: an honest, empty workspace */
  public static AppServices unwired() {
    return new AppServices(new EmptyWorkspaceService(), null, null);
  }

  /** @return the saliency service, if available */
  public Optional<TextSaliencyService> saliencyService() {
    return Optional.ofNullable(saliency);
  }

  /** @return the dataset edit service, if available */
  public Optional<DatasetEditService> editService() {
    return Optional.ofNullable(edits);
  }

  /** @return the influence service, if available */
  public Optional<InfluenceService> influenceService() {
    return Optional.ofNullable(influence);
  }

  /** @return the training service, if available */
  public Optional<TrainingService> trainingService() {
    return Optional.ofNullable(training);
  }
}
