package io.gradlens.app.core;

import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.SensitivityRow;
import io.gradlens.app.service.SensitivityService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.Dataset;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.nn.Model;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.models.SensitivityAnalysis;
import io.gradlens.workflow.models.SensitivityOutcome;
import io.gradlens.workflow.models.SensitivityQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

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
    String target = request.targetClass() == null ? null : String.valueOf(request.targetClass());
    SensitivityOutcome outcome;
    try {
      outcome = SensitivityAnalysis.run(new SensitivityQuery(model, data, Split.TEST,
          request.rows(), null, target), progress, cancel);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\u201c" + entry.name() + "\u201d: " + e.getMessage(), e);
    }
    return result(entry, outcome.dataset(), outcome.report(), outcome.classNames(),
        outcome.outputs(), MAX_SHOWN_FEATURES);
  }

  /**
   * Flattens the report's inputs into one list of features and keeps the {@code maxShown}
   * with the largest mean |gradient| (in input order), with each row's gradients for them.
   */
  static SensitivityResult result(WorkspaceEntry entry, String dataset, SensitivityReport report,
      List<String> classNames, double[] outputs, int maxShown) {
    List<FeatureSensitivity> all = new ArrayList<>();
    List<double[][]> gradients = new ArrayList<>();
    List<int[]> where = new ArrayList<>();
    for (InputGroupSensitivity g : report.inputs()) {
      double[][] grads = g.gradients();
      double[] mean = g.mean();
      double[] meanAbs = g.meanAbsolute();
      for (int j = 0; j < g.features().size(); j++) {
        all.add(new FeatureSensitivity(g.input(), g.features().get(j), mean[j], meanAbs[j]));
        where.add(new int[] {gradients.size(), j});
      }
      gradients.add(grads);
    }
    List<Integer> shown = IntStream.range(0, all.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -all.get(i).meanAbsolute()))
        .limit(maxShown).sorted().toList();
    List<SensitivityRow> rows = new ArrayList<>();
    for (int r = 0; r < report.rows(); r++) {
      double[] g = new double[shown.size()];
      for (int k = 0; k < shown.size(); k++) {
        int[] at = where.get(shown.get(k));
        g[k] = gradients.get(at[0])[r][at[1]];
      }
      rows.add(new SensitivityRow(r, outputs[r], g));
    }
    return new SensitivityResult(entry.name(), dataset, report.output(), classNames,
        shown.stream().map(all::get).toList(), all.size(), rows);
  }
}
