package io.gradlens.app.core;

import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SanityCheckRequest;
import io.gradlens.app.service.SanityCheckResult;
import io.gradlens.app.service.SanityCheckService;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.SanityReport;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.models.SanityCheck;

/**
 * The sanity check through {@link SanityCheck}, the code behind {@code gradlens
 * sanity}: the current model, the first test examples of the chosen dataset, each explained for
 * its predicted class with the Saliency tab's default parameters for the chosen method.
 */
public final class CoreSanityCheckService implements SanityCheckService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (current model, datasets) */
  public CoreSanityCheckService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public SanityCheckResult sanityCheck(SanityCheckRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    CoreWorkspace.startNd4j();
    String name = workspace.currentModelEntry().map(e -> e.name()).orElse("current model");
    Classifier model = workspace.currentModel();
    workspace.requireFit(model, workspace.dataset(request.dataset().id()));
    AttributionInputs inputs = TestSplitInputs.of(model, workspace.dataset(request.dataset().id()),
        request.examples());
    SaliencyRequest saliency = new SaliencyRequest(request.method(), null,
        SaliencyRequest.defaults().aggregation(), SaliencyRequest.defaults().steps(),
        SaliencyRequest.defaults().samples(), SaliencyRequest.defaults().noise());
    SanityReport report = SanityCheck.run(model, inputs, saliency.configured().build(model),
        null, request.seed(), progress, cancel);
    return new SanityCheckResult(name, report);
  }
}
