package io.gradlens.app.core;

import io.gradlens.app.service.EvaluationService;
import io.gradlens.app.service.FaithfulnessRequest;
import io.gradlens.app.service.FaithfulnessResult;
import io.gradlens.explain.evaluation.MetricSettings;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.evaluation.EvaluationRequest;
import io.gradlens.workflow.evaluation.FaithfulnessEvaluation;
import java.util.List;
import java.util.Map;

/**
 * The Evaluate tab through {@link FaithfulnessEvaluation}, the code behind {@code gradlens
 * evaluate}: the current model, the first test examples of the chosen dataset, every metric with
 * the command line's defaults and the registry's default method parameters.
 */
public final class CoreEvaluationService implements EvaluationService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (current model, datasets) */
  public CoreEvaluationService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public FaithfulnessResult evaluate(FaithfulnessRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    CoreWorkspace.startNd4j();
    String name = workspace.currentModelEntry().map(e -> e.name()).orElse("current model");
    Classifier model = workspace.currentModel();
    workspace.requireFit(model, workspace.dataset(request.dataset().id()));
    EvaluationRequest evaluation = new EvaluationRequest(
        EvaluationRequest.methods(request.methods(), Map.of()), List.of("all"),
        MetricSettings.defaults(request.seed()), null, "predicted",
        Integer.parseInt(EvaluationRequest.DEFAULT_BATCH_SIZE));
    return new FaithfulnessResult(name, FaithfulnessEvaluation.onDataset(model,
        workspace.dataset(request.dataset().id()), "test", request.examples(), evaluation,
        progress, cancel));
  }
}
