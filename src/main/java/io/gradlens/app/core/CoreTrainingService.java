package io.gradlens.app.core;

import io.gradlens.app.service.Architecture;
import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.ExplanationConstraint;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.TrainingService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.Architectures;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.Optimizer;
import io.gradlens.train.Sgd;
import io.gradlens.train.StepResult;
import io.gradlens.train.Trainer;
import io.gradlens.util.CancellationToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains with the core: {@link DatasetPreparation} (as the CLI does), {@link Architectures},
 * {@link Trainer}. The trainer checks the token before every batch, so a cancel stops training
 * within one batch. The finished model joins the workspace as a TRAINED entry.
 *
 * <p>With an active {@link ExplanationConstraint} it trains "right for the right reasons" (Ross,
 * Hughes and Doshi-Velez, IJCAI 2017) with the core's {@link ExplanationPenalty}; the relevance masks
 * are those of the dataset with its edits applied, i.e. the marks made in the Saliency tab.
 */
public final class CoreTrainingService implements TrainingService {

  /** Dataset trained on when the form names none. */
  static final String DEFAULT_DATASET = "builtin:sentences";

  private final CoreWorkspace workspace;
  private final DatasetPreparation.Options options;

  /** @param workspace the shared state; training uses the CLI's default preparation options */
  public CoreTrainingService(CoreWorkspace workspace) {
    this(workspace, DatasetPreparation.Options.DEFAULT);
  }

  /**
   * @param workspace the shared state
   * @param options vocabulary and size limits (tests train on a few examples)
   */
  public CoreTrainingService(CoreWorkspace workspace, DatasetPreparation.Options options) {
    this.workspace = workspace;
    this.options = options;
  }

  @Override
  public TrainingResult train(TrainingConfig config,
      io.gradlens.app.service.TrainingListener listener, CancellationToken cancel)
      throws Exception {
    String datasetId = config.datasetId() == null ? DEFAULT_DATASET : config.datasetId();
    WorkspaceEntry entry = workspace.entry(datasetId).orElseThrow(() ->
        new IllegalArgumentException("Unknown dataset: " + datasetId));
    CoreWorkspace.startNd4j();
    Dataset data = workspace.dataset(datasetId);
    cancel.throwIfCancelled();
    ExplanationPenalty penalty = penalty(config.constraint());
    DatasetPreparation.Prepared prepared =
        DatasetPreparation.prepare(data, options, penalty != null);
    if (penalty != null && !prepared.train().hasRelevance()) {
      throw new IllegalArgumentException("The explanation penalty needs \"must not matter\" marks, "
          + "and " + entry.name() + " has none: mark tokens or pixels in the Saliency tab first "
          + "(or set \u03bb to 0 for plain training)");
    }
    String arch = architecture(config.architecture(), data instanceof ImageDataset);
    Sequential network = Architectures.build(arch, prepared.input(), prepared.classes().size(),
        new Architectures.Sizes(config.embeddingSize(), config.hiddenSize(), config.hiddenSize(), 0),
        config.seed());
    Optimizer optimizer = switch (config.optimizer()) {
      case ADAM -> new Adam(config.learningRate());
      case SGD -> new Sgd(config.learningRate());
      case MOMENTUM -> new Sgd(config.learningRate(), 0.9);
    };
    long start = System.nanoTime();
    EpochMetrics[] last = new EpochMetrics[1];
    new Trainer(new io.gradlens.train.TrainingConfig(config.epochs(), config.batchSize(),
        config.seed(), true, penalty), optimizer).fit(network, prepared.train(), prepared.validation(),
        new io.gradlens.train.TrainingListener() {
          @Override
          public void onBatch(int epoch, int batch, int batches, StepResult r) {
            listener.onBatch(new BatchMetrics(epoch, batch - 1, batches, r.loss(),
                r.size() == 0 ? Double.NaN : r.correct() / (double) r.size(),
                r.classificationLoss(), r.saliencyLoss()));
          }

          @Override
          public void onEpoch(int epoch, Map<String, Double> m) {
            EpochMetrics e = new EpochMetrics(epoch, config.epochs(), m.getOrDefault("loss", Double.NaN),
                m.getOrDefault("accuracy", Double.NaN), m.getOrDefault("val_loss", Double.NaN),
                m.getOrDefault("val_accuracy", Double.NaN),
                m.getOrDefault("classification_loss", Double.NaN),
                m.getOrDefault("saliency_loss", Double.NaN));
            last[0] = e;
            listener.onEpoch(e);
          }
        }, cancel);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("dataset", data.name());
    provenance.put("architecture", arch);
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("epochs", config.epochs());
    hyper.put("batch_size", config.batchSize());
    hyper.put("optimizer", optimizer.name());
    hyper.put("learning_rate", config.learningRate());
    hyper.put("embedding_dim", config.embeddingSize());
    hyper.put("units", config.hiddenSize());
    hyper.put("hidden", config.hiddenSize());
    hyper.put("vocab_size", options.vocabSize());
    hyper.put("min_count", options.minCount());
    hyper.put("max_length", options.maxLength());
    hyper.put("limit", options.limit());
    hyper.put("rrr_lambda", config.constraint().lambda());
    if (penalty != null) {
      hyper.put("rrr_target", penalty.target().cliName());
      hyper.put("rrr_attribution", penalty.attribution().cliName());
      hyper.put("mask", "dataset edits");
    }
    provenance.put("hyperparameters", hyper);
    provenance.put("seed", config.seed());
    provenance.put("java_version", System.getProperty("java.version"));
    provenance.put("created", Instant.now().toString());
    provenance.put("training_seconds", (System.nanoTime() - start) / 1e9);
    provenance.put("trained_in", "GradLens workbench");
    Classifier model = new Classifier(network, prepared.input(), prepared.classes(), provenance);
    WorkspaceEntry trained = workspace.addTrained(model, arch + " on " + entry.name()
        + (penalty == null ? "" : ", \u03bb=" + java.math.BigDecimal.valueOf(penalty.lambda())
            .stripTrailingZeros().toPlainString() + " " + penalty.attribution().cliName()));
    return new TrainingResult(trained, config.epochs(), last[0]);
  }

  /**
   * The core penalty for a form's constraint, or {@code null} for plain training (λ = 0), so that
   * λ = 0 runs exactly the unpenalised trainer.
   */
  static ExplanationPenalty penalty(ExplanationConstraint c) {
    if (!c.active()) {
      return null;
    }
    return new ExplanationPenalty(c.lambda(), switch (c.target()) {
      case MAX_LOG_PROB -> ExplanationPenalty.Target.MAX_LOG_PROB;
      case SUM_LOG_PROB -> ExplanationPenalty.Target.SUM_LOG_PROB;
    }, switch (c.attribution()) {
      case GRADIENT -> ExplanationPenalty.Attribution.GRADIENT;
      case GRADIENT_X_INPUT -> ExplanationPenalty.Attribution.GRADIENT_X_INPUT;
    });
  }

  /** The core architecture name for a form choice. */
  static String architecture(Architecture a, boolean images) {
    if (images) {
      return switch (a) {
        case CNN -> "cnn";
        case BAG_OF_EMBEDDINGS -> "mlp";
        default -> throw new IllegalArgumentException(a + " reads text; for images choose CNN or "
            + "BAG_OF_EMBEDDINGS (a multi-layer perceptron)");
      };
    }
    return switch (a) {
      case BAG_OF_EMBEDDINGS -> "mlp";
      case RNN -> "rnn";
      case LSTM -> "lstm";
      case CNN -> "textcnn";
    };
  }
}
