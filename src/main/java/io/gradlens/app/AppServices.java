package io.gradlens.app;

import io.gradlens.app.service.EmptyWorkspaceService;
import io.gradlens.app.service.HiddenStateService;
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
 * @param hiddenState hidden-state gradients over time, or {@code null} when not available
 */
public record AppServices(WorkspaceService workspace, TextSaliencyService saliency,
    TrainingService training, HiddenStateService hiddenState) {

  /** Services without hidden-state gradients. */
  public AppServices(WorkspaceService workspace, TextSaliencyService saliency,
      TrainingService training) {
    this(workspace, saliency, training, null);
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

  /** @return the hidden-state service, if available */
  public Optional<HiddenStateService> hiddenStateService() {
    return Optional.ofNullable(hiddenState);
  }

  /** @return the training service, if available */
  public Optional<TrainingService> trainingService() {
    return Optional.ofNullable(training);
  }
}
