package io.gradlens.app.core;

import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.SensitivityService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.Dataset;
import io.gradlens.data.edits.Split;
import io.gradlens.nn.Model;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.models.SensitivityAnalysis;
import io.gradlens.workflow.models.SensitivityOutcome;
import io.gradlens.workflow.models.SensitivityQuery;
import java.util.Optional;

/**
 * Input sensitivity through {@link SensitivityAnalysis}, the code behind {@code gradlens
 * sensitivity}, on a model of any kind: it is explained on the test rows of the current dataset
 * when it reads them, otherwise on those of the dataset it was trained on
 * ({@link CoreWorkspace#explainedDataset}); a classifier for log p of the chosen (or predicted)
 * class. Text models are refused: token ids have no gradient.
 */
public final class CoreSensitivityService implements SensitivityService {

  /** At most this many input entries are shown (an MNIST image has 784): the most sensitive. */
  public static final int MAX_SHOWN_FEATURES = 24;

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (models, current model, datasets) */
  public CoreSensitivityService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  /** The first shipped regression model: every input of it has a gradient worth showing. */
  @Override
  public Optional<WorkspaceEntry> exampleModel() {
    return workspace.models().firstShipped(kind -> kind == Model.Kind.REGRESSION
        || kind == Model.Kind.MULTI_INPUT_REGRESSION);
  }

  @Override
  public SensitivityResult sensitivity(SensitivityRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    CoreWorkspace.startNd4j();
    WorkspaceEntry entry = request.model() != null ? request.model()
        : workspace.currentModelEntry().orElseThrow(() -> new IllegalArgumentException(
            "No model selected: choose a regression model or an image model"));
    progress.progress(0, request.rows(), "Sensitivity of " + entry.name() + "\u2026");
    Model model = workspace.anyModel(entry.id());
    Dataset data = workspace.explainedDataset(entry, request.dataset());
    if (model instanceof io.gradlens.nn.Classifier classifier) {
      workspace.requireFit(classifier, data);
    }
    String target = request.targetClass() == null ? null : String.valueOf(request.targetClass());
    SensitivityOutcome outcome;
    try {
      outcome = SensitivityAnalysis.run(new SensitivityQuery(model, data, Split.TEST,
          request.rows(), null, target), progress, cancel);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\u201c" + entry.name() + "\u201d: " + e.getMessage(), e);
    }
    return SensitivityResult.of(entry.name(), outcome, MAX_SHOWN_FEATURES);
  }
}
