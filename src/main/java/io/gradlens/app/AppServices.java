package io.gradlens.app;

import io.gradlens.app.service.DatasetEditService;
import io.gradlens.app.service.EmptyWorkspaceService;
import io.gradlens.app.service.EvaluationService;
import io.gradlens.app.service.HiddenStateService;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.SanityCheckService;
import io.gradlens.app.service.SensitivityService;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.TrainingService;
import io.gradlens.app.service.WorkspaceService;
import java.util.Objects;
import java.util.Optional;

/**
 * The services the workbench runs against. Tabs whose service is absent are not created. Build it
 * with the three-argument constructor and add optional services with the {@code with…} methods, so
 * that call sites do not change when a view is added.
 *
 * @param workspace datasets and models (mandatory)
 * @param saliency text saliency, or {@code null} when not available
 * @param training training, or {@code null} when not available
 * @param edits dataset edit lists, or {@code null} when not available
 * @param sensitivity input sensitivity, or {@code null} when not available
 * @param sanity the saliency sanity check, or {@code null} when not available
 * @param influence training-example influence, or {@code null} when not available
 * @param hiddenState hidden-state gradients over time, or {@code null} when not available
 * @param evaluation faithfulness metrics, or {@code null} when not available
 */
public record AppServices(WorkspaceService workspace, TextSaliencyService saliency,
    TrainingService training, DatasetEditService edits, SensitivityService sensitivity,
    SanityCheckService sanity, InfluenceService influence, HiddenStateService hiddenState,
    EvaluationService evaluation) {

  /** Checks the mandatory service. */
  public AppServices {
    Objects.requireNonNull(workspace, "workspace");
  }

  /** Services with workspace, saliency and training only. */
  public AppServices(WorkspaceService workspace, TextSaliencyService saliency,
      TrainingService training) {
    this(workspace, saliency, training, null, null, null, null, null, null);
  }

  /** @return the services of a build without the core: an honest, empty workspace */
  public static AppServices unwired() {
    return new AppServices(new EmptyWorkspaceService(), null, null);
  }

  /** @return these services with {@code service} for dataset edits */
  public AppServices withEdits(DatasetEditService service) {
    return new AppServices(workspace, saliency, training, service, sensitivity, sanity, influence,
        hiddenState, evaluation);
  }

  /** @return these services with {@code service} for input sensitivity */
  public AppServices withSensitivity(SensitivityService service) {
    return new AppServices(workspace, saliency, training, edits, service, sanity, influence,
        hiddenState, evaluation);
  }

  /** @return these services with {@code service} for the sanity check */
  public AppServices withSanity(SanityCheckService service) {
    return new AppServices(workspace, saliency, training, edits, sensitivity, service, influence,
        hiddenState, evaluation);
  }

  /** @return these services with {@code service} for training-example influence */
  public AppServices withInfluence(InfluenceService service) {
    return new AppServices(workspace, saliency, training, edits, sensitivity, sanity, service,
        hiddenState, evaluation);
  }

  /** @return these services with {@code service} for hidden-state gradients */
  public AppServices withHiddenState(HiddenStateService service) {
    return new AppServices(workspace, saliency, training, edits, sensitivity, sanity, influence,
        service, evaluation);
  }

  /** @return these services with {@code service} for faithfulness metrics */
  public AppServices withEvaluation(EvaluationService service) {
    return new AppServices(workspace, saliency, training, edits, sensitivity, sanity, influence,
        hiddenState, service);
  }

  /** @return the faithfulness-metrics service, if available */
  public Optional<EvaluationService> evaluationService() {
    return Optional.ofNullable(evaluation);
  }

  /** @return the hidden-state service, if available */
  public Optional<HiddenStateService> hiddenStateService() {
    return Optional.ofNullable(hiddenState);
  }

  /** @return the saliency service, if available */
  public Optional<TextSaliencyService> saliencyService() {
    return Optional.ofNullable(saliency);
  }

  /** @return the dataset edit service, if available */
  public Optional<DatasetEditService> editService() {
    return Optional.ofNullable(edits);
  }

  /** @return the input-sensitivity service, if available */
  public Optional<SensitivityService> sensitivityService() {
    return Optional.ofNullable(sensitivity);
  }

  /** @return the sanity-check service, if available */
  public Optional<SanityCheckService> sanityService() {
    return Optional.ofNullable(sanity);
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
