package io.gradlens.app.core;

import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.TrainingService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.edits.EditJournal;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.StepResult;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.TrainingSite;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainedModel;
import io.gradlens.workflow.training.TrainingSpec;
import io.gradlens.workflow.training.TrainingWorkflow;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Trains with {@link TrainingWorkflow}, as {@code bin/gradlens train} does, on a workspace dataset
 * with its edits applied (so an active explanation penalty, Ross, Hughes and Doshi-Velez, IJCAI
 * 2017, reads the marks made in the Saliency tab). The finished model joins the workspace as a
 * TRAINED entry together with its TracIn checkpoints; the trainer checks the token before every
 * batch, so a cancel stops training within one batch.
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
    TrainingSpec spec = new TrainingSpec(workspace.dataset(datasetId), source(entry),
        config.settings().toBuilder().preparation(options).build());
    cancel.throwIfCancelled();
    int epochs = spec.settings().epochs();
    EpochMetrics[] last = new EpochMetrics[1];
    var result = TrainingWorkflow.train(spec, TrainingSite.WORKBENCH, new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, StepResult r) {
        listener.onBatch(new BatchMetrics(epoch, batch - 1, batches, r.loss(),
            r.size() == 0 ? Double.NaN : r.correct() / (double) r.size(),
            r.classificationLoss(), r.saliencyLoss()));
      }

      @Override
      public void onEpoch(int epoch, Map<String, Double> m) {
        last[0] = new EpochMetrics(epoch, epochs, m.getOrDefault("loss", Double.NaN),
            m.getOrDefault("accuracy", Double.NaN), m.getOrDefault("val_loss", Double.NaN),
            m.getOrDefault("val_accuracy", Double.NaN),
            m.getOrDefault("classification_loss", Double.NaN),
            m.getOrDefault("saliency_loss", Double.NaN));
        listener.onEpoch(last[0]);
      }
    }, cancel);
    PenaltySettings penalty = spec.settings().penalty();
    String arch = result.provenance().architecture().orElse("model");
    WorkspaceEntry trained = workspace.addTrained(
        ((TrainedModel.Classification) result.model()).classifier(), result.checkpoints(),
        arch + " on " + entry.name() + (!penalty.active() ? "" : ", \u03bb="
            + BigDecimal.valueOf(penalty.lambda()).stripTrailingZeros().toPlainString() + " "
            + penalty.attribution().cliName()));
    return new TrainingResult(trained, epochs, last[0], result.checkpoints().size());
  }

  /** Where a workspace dataset comes from, with the edits its journal applies. */
  private DatasetSource source(WorkspaceEntry entry) throws java.io.IOException {
    DatasetSource source = workspace.datasetSource(entry.id()).isPresent()
        ? workspace.datasetSource(entry.id()).get()
        : entry.source() != null ? DatasetSource.file(entry.source())
        : entry.origin() == WorkspaceEntry.Origin.BUILT_IN ? DatasetSource.builtIn(entry.name())
        : DatasetSource.UNKNOWN;
    EditJournal journal = workspace.journal(entry.id());
    return source.withEdits(journal.file(), journal.edits().size());
  }
}
