package io.gradlens.app.training;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingListener;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.TrainingService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.app.task.UiBatcher;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.OptimizerChoice;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingSettings;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Training tab: the hyper-parameter form (starting from the command line's defaults,
 * {@link TrainingSettings#DEFAULTS}), the run state and the live metrics. The per-batch and
 * per-epoch metrics arrive from the training thread and are appended on the UI thread in coalesced
 * batches.
 */
public final class TrainingViewModel {

  /** Live metrics reach the UI at most this often, however fast training runs. */
  public static final long UI_UPDATE_INTERVAL_MILLIS = 100;

  private final TrainingService service;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final EtaEstimator eta;

  private final StringProperty datasetId = new SimpleStringProperty(this, "datasetId");
  private final ObjectProperty<Architecture> architecture =
      new SimpleObjectProperty<>(this, "architecture");
  private final IntegerProperty embeddingSize = new SimpleIntegerProperty(this, "embeddingSize");
  private final IntegerProperty units = new SimpleIntegerProperty(this, "units");
  private final IntegerProperty hiddenSize = new SimpleIntegerProperty(this, "hiddenSize");
  private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs");
  private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize");
  private final ObjectProperty<OptimizerChoice> optimizer =
      new SimpleObjectProperty<>(this, "optimizer");
  private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate");
  private final LongProperty seed = new SimpleLongProperty(this, "seed");
  private final DoubleProperty penaltyLambda = new SimpleDoubleProperty(this, "penaltyLambda");
  private final ObjectProperty<ExplanationPenalty.Target> penaltyTarget =
      new SimpleObjectProperty<>(this, "penaltyTarget");
  private final ObjectProperty<ExplanationPenalty.Attribution> penaltyAttribution =
      new SimpleObjectProperty<>(this, "penaltyAttribution");
  private final IntegerProperty checkpointEvery = new SimpleIntegerProperty(this, "checkpointEvery");
  /** The settings the form does not show (dropout, momentum, preparation, …), kept from load. */
  private TrainingSettings base = TrainingSettings.DEFAULTS;

  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "eta", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Idle");
  private final ObservableList<EpochMetrics> epochMetrics = FXCollections.observableArrayList();
  private final ObservableList<BatchMetrics> batchMetrics = FXCollections.observableArrayList();
  private final ObservableList<EpochMetrics> epochMetricsView =
      FXCollections.unmodifiableObservableList(epochMetrics);
  private final ObservableList<BatchMetrics> batchMetricsView =
      FXCollections.unmodifiableObservableList(batchMetrics);

  private TaskHandle handle;
  private int runId;
  private Consumer<TrainingResult> onTrained = r -> { };

  /**
   * @param service trains models
   * @param runner background runner
   * @param errors reports failures
   * @param nanoClock clock for the ETA
   */
  public TrainingViewModel(TrainingService service, TaskRunner runner, ErrorReporter errors,
      LongSupplier nanoClock) {
    this.service = service;
    this.runner = runner;
    this.errors = errors;
    this.eta = new EtaEstimator(nanoClock);
    load(TrainingConfig.defaults());
  }

  /** Fills the form from a configuration. */
  public void load(TrainingConfig c) {
    TrainingSettings t = c.settings();
    base = t;
    datasetId.set(c.datasetId());
    architecture.set(t.architecture());
    embeddingSize.set(t.embeddingDim());
    units.set(t.units());
    hiddenSize.set(t.hidden());
    epochs.set(t.epochs());
    batchSize.set(t.batchSize());
    optimizer.set(t.optimizer());
    learningRate.set(t.learningRate());
    seed.set(t.seed());
    penaltyLambda.set(t.penalty().lambda());
    penaltyTarget.set(t.penalty().target());
    penaltyAttribution.set(t.penalty().attribution());
    checkpointEvery.set(t.checkpointEvery());
  }

  /**
   * Fills the form for "Retrain with constraint…" of the fix-the-reasons loop: the explanation
   * penalty preset ({@link PenaltySettings#preset}) on a model small enough to retrain in seconds
   * per epoch on two cores, the text CNN of {@code experiment decoy-text} (embedding 32, 32
   * filters of width 3, Adam 1e-3, batch 32, 8 epochs) or for images the MLP of decoy-mnist.
   *
   * @param dataset workspace id of the dataset whose edits carry the marks
   * @param images whether the dataset holds images
   */
  public void presetConstraint(String dataset, boolean images) {
    load(new TrainingConfig(dataset, TrainingSettings.builder()
        .architecture(images ? Architecture.MLP : Architecture.TEXTCNN)
        .embeddingDim(32).units(32).hidden(images ? 50 : 32).epochs(images ? 10 : 8).batchSize(32)
        .optimizer(OptimizerChoice.ADAM).learningRate(1e-3).seed(seed.get())
        .checkpointEvery(checkpointEvery.get())
        .penalty(PenaltySettings.preset(images)).build()));
  }

  /**
   * @return the configuration the form describes
   * @throws IllegalArgumentException when a value is invalid, naming it
   */
  public TrainingConfig config() {
    return new TrainingConfig(datasetId.get(), base.toBuilder()
        .architecture(architecture.get()).embeddingDim(embeddingSize.get()).units(units.get())
        .hidden(hiddenSize.get()).epochs(epochs.get()).batchSize(batchSize.get())
        .optimizer(optimizer.get()).learningRate(learningRate.get()).seed(seed.get())
        .penalty(new PenaltySettings(penaltyLambda.get(), penaltyTarget.get(),
            penaltyAttribution.get(), base.penalty().mask()))
        .checkpointEvery(checkpointEvery.get()).build());
  }

  /** Sets the action run on the UI thread after a successful run. */
  public void setOnTrained(Consumer<TrainingResult> action) {
    onTrained = action;
  }

  /** Starts training with the form's configuration; ignored while running. */
  public void start() {
    if (running.get()) {
      return;
    }
    TrainingConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      status.set("Invalid settings: " + e.getMessage());
      errors.report("Train", e);
      return;
    }
    epochMetrics.clear();
    batchMetrics.clear();
    progress.set(0);
    etaText.set("");
    running.set(true);
    PenaltySettings penalty = config.settings().penalty();
    status.set("Training " + config.settings().architecture().cliName() + (penalty.active()
        ? " with the explanation penalty \u03bb = " + penalty.lambda() : "") + "\u2026");
    eta.start();
    int thisRun = ++runId;
    UiBatcher<Object> updates = new UiBatcher<>(runner.uiScheduler(), items -> {
      if (thisRun == runId) {
        apply(items);
      }
    },
        UI_UPDATE_INTERVAL_MILLIS, () -> System.nanoTime() / 1_000_000);
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onBatch(BatchMetrics metrics) {
        updates.add(metrics);
      }

      @Override
      public void onEpoch(EpochMetrics metrics) {
        updates.add(metrics);
      }
    };
    handle = runner.submit("Training",
        (p, cancel) -> service.train(config, listener, cancel),
        new TaskCallbacks<>(
            result -> {
              updates.drainNow();
              progress.set(1);
              etaText.set("");
              status.set("Done: " + result.epochsCompleted() + " epochs, model \""
                  + result.model().name() + "\"" + (result.checkpoints() > 0
                      ? ", " + result.checkpoints() + " checkpoints for TracIn" : ""));
              onTrained.accept(result);
            },
            error -> {
              status.set("Failed: " + ErrorMessages.oneLine(error));
              errors.report("Training", error);
            },
            () -> {
              if (handle != null && handle.isDone()) {
                handle = null;
              }
              running.set(false);
              if (status.get().startsWith("Training")) {
                status.set("Cancelled after " + epochMetrics.size() + " epochs");
                etaText.set("");
              }
            }));
  }

  /** Cancels a running training. */
  public void cancel() {
    if (handle != null) {
      handle.cancel();
    }
  }

  private void apply(List<Object> items) {
    for (Object item : items) {
      if (item instanceof BatchMetrics b) {
        batchMetrics.add(b);
        int total = epochs.get();
        double fraction = Math.min(1, b.epochPosition() / Math.max(1, total));
        if (running.get()) {
          progress.set(fraction);
          etaText.set(eta.remaining(fraction).map(d -> "ETA " + EtaEstimator.format(d))
              .orElse(""));
        }
      } else if (item instanceof EpochMetrics e) {
        epochMetrics.add(e);
      }
    }
  }

  /** @return dataset id to train on (null: service default) */
  public StringProperty datasetIdProperty() {
    return datasetId;
  }

  /** @return architecture ({@link Architecture#AUTO}: LSTM for text, CNN for images) */
  public ObjectProperty<Architecture> architectureProperty() {
    return architecture;
  }

  /** @return recurrent units or text-CNN filters */
  public IntegerProperty unitsProperty() {
    return units;
  }

  /** @return take a TracIn checkpoint after every K-th epoch (0: none) */
  public IntegerProperty checkpointEveryProperty() {
    return checkpointEvery;
  }

  /** @return embedding size */
  public IntegerProperty embeddingSizeProperty() {
    return embeddingSize;
  }

  /** @return dense hidden width (CNN, MLP) */
  public IntegerProperty hiddenSizeProperty() {
    return hiddenSize;
  }

  /** @return number of epochs */
  public IntegerProperty epochsProperty() {
    return epochs;
  }

  /** @return batch size */
  public IntegerProperty batchSizeProperty() {
    return batchSize;
  }

  /** @return optimiser */
  public ObjectProperty<OptimizerChoice> optimizerProperty() {
    return optimizer;
  }

  /** @return learning rate */
  public DoubleProperty learningRateProperty() {
    return learningRate;
  }

  /** @return random seed */
  public LongProperty seedProperty() {
    return seed;
  }

  /** @return weight λ of the explanation penalty (0: plain training) */
  public DoubleProperty penaltyLambdaProperty() {
    return penaltyLambda;
  }

  /** @return what the penalised input gradient is of */
  public ObjectProperty<ExplanationPenalty.Target> penaltyTargetProperty() {
    return penaltyTarget;
  }

  /** @return what the penalty squares per token or pixel */
  public ObjectProperty<ExplanationPenalty.Attribution> penaltyAttributionProperty() {
    return penaltyAttribution;
  }

  /** @return whether training runs */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** @return fraction of batches done in [0, 1] */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** @return "ETA m:ss" while running, else empty */
  public ReadOnlyStringProperty etaProperty() {
    return etaText.getReadOnlyProperty();
  }

  /** @return one-line status */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return per-epoch metrics of the current run (read-only view) */
  public ObservableList<EpochMetrics> epochMetrics() {
    return epochMetricsView;
  }

  /** @return per-batch metrics of the current run (read-only view) */
  public ObservableList<BatchMetrics> batchMetrics() {
    return batchMetricsView;
  }
}
