package io.gradlens.app.core;

import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SanityCheckRequest;
import io.gradlens.app.service.SanityCheckResult;
import io.gradlens.app.service.SanityCheckService;
import io.gradlens.app.service.SanityCheckStep;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.CascadingRandomization;
import io.gradlens.explain.SanityReport;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

/**
 * The sanity check through {@link CascadingRandomization}, the code behind {@code gradlens
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
    AttributionInputs inputs = TestSplitInputs.of(model, workspace.dataset(request.dataset().id()),
        request.examples());
    progress.progress(0, 0, "Sanity check: explaining " + inputs.size() + " examples\u2026");
    SaliencyRequest saliency = new SaliencyRequest(request.method(), null,
        SaliencyRequest.defaults().aggregation(), SaliencyRequest.defaults().steps(),
        SaliencyRequest.defaults().samples(), SaliencyRequest.defaults().noise());
    SanityReport report = new CascadingRandomization(saliency.configured().build(model),
        request.seed()).attribute(model, inputs, AttributionTarget.predicted(), progress, cancel);
    return new SanityCheckResult(name, report.method(), report.examples(), report.steps().stream()
        .map(s -> new SanityCheckStep(s.randomizedLayers(), s.meanSpearmanAbsolute(),
            s.meanSpearmanSigned())).toList());
  }
}
