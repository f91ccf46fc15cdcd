package io.gradlens.app.core;

import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.SensitivityRow;
import io.gradlens.app.service.SensitivityService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.autodiff.Tensor;
import io.gradlens.data.Dataset;
import io.gradlens.data.TabularDataset;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.explain.InputSensitivity;
import io.gradlens.explain.SensitivityOutput;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input sensitivity through {@link InputSensitivity}, the code behind {@code gradlens
 * sensitivity}: a price regression model is explained on the test rows of the dataset it was
 * trained on; an image classifier on the current dataset's test images (or, when it cannot read
 * them, its training dataset's), for log p of the chosen (or predicted) class. Text models are refused: token ids have no gradient.
 */
public final class CoreSensitivityService implements SensitivityService {

  /** At most this many input entries are shown (an MNIST image has 784): the most sensitive. */
  public static final int MAX_SHOWN_FEATURES = 24;

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (models, current model, datasets) */
  public CoreSensitivityService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public Optional<WorkspaceEntry> exampleModel() {
    try {
      return workspace.firstPriceModel();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public SensitivityResult sensitivity(SensitivityRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    CoreWorkspace.startNd4j();
    WorkspaceEntry entry = request.model() != null ? request.model()
        : workspace.currentModelEntry().orElseThrow(() -> new IllegalArgumentException(
            "No model selected: choose the price model or an image model"));
    progress.progress(0, request.rows(), "Sensitivity of " + entry.name() + "\u2026");
    if (workspace.isPriceModel(entry.id())) {
      return price(entry, workspace.priceModel(entry.id()), request.rows(), progress, cancel);
    }
    Classifier model = workspace.model(entry.id());
    if (model.isText()) {
      throw new IllegalArgumentException("\u201c" + entry.name() + "\u201d reads text: token ids "
          + "have no gradient, so there is no \u2202output/\u2202input to show. This view needs a "
          + "model with numeric inputs: the price model or an image model (mnist-cnn). For text, "
          + "use the Saliency tab.");
    }
    // A dataset the model cannot read is replaced by the one it was trained on, when known.
    WorkspaceEntry dataset = workspace.datasetFor(entry, request.dataset())
        .orElse(request.dataset());
    if (dataset == null) {
      throw new IllegalArgumentException("Select a dataset for " + entry.name());
    }
    return classifier(entry, model, dataset, request, progress, cancel);
  }

  private SensitivityResult price(WorkspaceEntry entry, PriceModel model, int limit,
      ProgressListener progress, CancellationToken cancel) throws IOException {
    Dataset data = CoreWorkspace.builtInDataset("price");
    if (!(data instanceof TabularDataset table)) {
      throw new IllegalStateException("the built-in price dataset is not tabular");
    }
    Map<String, double[][]> rows = PriceModelTraining.inputs(model, table.test(), table, limit);
    SensitivityReport report = new InputSensitivity(SensitivityOutput.regression())
        .attribute(model, rows, progress, cancel);
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    rows.forEach((name, r) -> inputs.put(name, Tensor.constant(Nd4j.createFromArray(r)
        .castTo(model.dtype()))));
    double[] outputs = model.forward(inputs, ForwardContext.inference()).value()
        .castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    return result(entry, data.name(), report, List.of(), outputs, Integer.MAX_VALUE);
  }

  private SensitivityResult classifier(WorkspaceEntry entry, Classifier model,
      WorkspaceEntry dataset, SensitivityRequest request, ProgressListener progress,
      CancellationToken cancel) throws IOException {
    Dataset data = workspace.dataset(dataset.id());
    AttributionInputs inputs = TestSplitInputs.of(model, data, request.rows());
    int cls = request.targetClass() == null ? -1 : request.targetClass();
    if (cls >= model.numClasses()) {
      throw new IllegalArgumentException("class " + cls + " does not exist; " + entry.name()
          + " has " + model.numClasses() + " classes");
    }
    SensitivityReport report = new InputSensitivity(SensitivityOutput.logProbability(cls))
        .attribute(model, inputs, progress, cancel);
    double[] outputs = logProbabilities(model, (AttributionInputs.Images) inputs, cls);
    return result(entry, data.name(), report, model.classNames(), outputs,
        MAX_SHOWN_FEATURES);
  }

  /** log p of the explained class per image (the row's prediction for {@code cls} = -1). */
  private static double[] logProbabilities(Classifier model, AttributionInputs.Images images,
      int cls) {
    int n = images.size();
    int size = images.height() * images.width() * images.channels();
    double[] flat = new double[n * size];
    for (int b = 0; b < n; b++) {
      float[] p = images.pixels().get(b);
      for (int i = 0; i < size; i++) {
        flat[b * size + i] = p[i];
      }
    }
    INDArray x = Nd4j.create(flat, new long[] {n, images.height(), images.width(),
        images.channels()}, 'c').castTo(model.network().dtype());
    double[][] p = model.probabilities(Tensor.constant(x)).castTo(DataType.DOUBLE)
        .toDoubleMatrix();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int c = cls;
      if (c < 0) {
        double[] row = p[i];
        c = IntStream.range(0, row.length).reduce((a, b) -> row[b] > row[a] ? b : a).orElse(0);
      }
      out[i] = Math.log(p[i][c]);
    }
    return out;
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
