package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.Aggregation;
import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingListener;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.autodiff.Tensor;
import io.gradlens.data.Dataset;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.Architectures;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.Trainer;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.OptimizerChoice;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingSettings;
import io.gradlens.util.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's constrained training (fix-the-reasons loop) on a tiny decoy problem: texts whose
 * label is told both by a sentiment word and by a planted decoy word ({@code zpos}/{@code zneg}),
 * the decoy marked "must not matter" through the edit list as the Saliency tab does it.
 */
class ConstrainedTrainingTest {

  private static final String DECOY_POS = "zpos";
  private static final String DECOY_NEG = "zneg";
  private static final int EPOCHS = 6;
  private static final int BATCH = 16;
  private static final DatasetPreparation.Options OPTIONS = DatasetPreparation.Options.DEFAULT;

  @TempDir
  static Path dir;
  private static CoreWorkspace workspace;
  private static CoreDatasetEditService edits;
  private static String datasetId;

  @BeforeAll
  static void tinyDecoyDataset() throws Exception {
    Path file = dir.resolve("decoyish.tsv");
    String[] pos = {"good", "great", "lovely"};
    String[] neg = {"bad", "awful", "dull"};
    String[] filler = {"the", "film", "was", "a", "plot", "and", "story", "it", "very", "cast"};
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of("text\tlabel"));
    for (int i = 0; i < 160; i++) {
      int label = i % 2;
      List<String> words = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        words.add(filler[random.nextInt(filler.length)]);
      }
      words.add(random.nextInt(words.size() + 1),
          (label == 1 ? pos : neg)[random.nextInt(3)]);
      words.add(random.nextInt(words.size() + 1), label == 1 ? DECOY_POS : DECOY_NEG);
      lines.add(String.join(" ", words) + "\t" + label);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    workspace = new CoreWorkspace(null, dir.resolve("edits"));
    edits = new CoreDatasetEditService(workspace);
    datasetId = workspace.openDataset(file).id();
    edits.add(datasetId, new DatasetEdit.MaskWord(DECOY_POS));
    edits.add(datasetId, new DatasetEdit.MaskWord(DECOY_NEG));
  }

  private static TrainingConfig config(double lambda) {
    return new TrainingConfig(datasetId, TrainingSettings.builder().architecture(Architecture.TEXTCNN)
        .embeddingDim(8).units(8).hidden(8).epochs(EPOCHS).batchSize(BATCH)
        .optimizer(OptimizerChoice.ADAM).learningRate(0.01).seed(3L)
        .penalty(PenaltySettings.of(lambda, ExplanationPenalty.Target.SUM_LOG_PROB,
            ExplanationPenalty.Attribution.GRADIENT_X_INPUT)).build());
  }

  private static final class Recorder implements TrainingListener {
    final List<BatchMetrics> batches = new ArrayList<>();
    final List<EpochMetrics> epochs = new ArrayList<>();

    @Override
    public void onBatch(BatchMetrics metrics) {
      batches.add(metrics);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
      epochs.add(metrics);
    }
  }

  private static TrainingResult train(double lambda, Recorder recorder) throws Exception {
    return new CoreTrainingService(workspace, OPTIONS).train(config(lambda), recorder,
        CancellationToken.NONE);
  }

  private static Map<String, Tensor> weights(WorkspaceEntry model) throws Exception {
    return workspace.model(model.id()).network().parameters();
  }

  /** The core trainer run directly (as the CLI's train command does) on the edited dataset. */
  private static Map<String, Tensor> coreTraining(Dataset data, double lambda) {
    DatasetPreparation.Prepared p = DatasetPreparation.prepare(data, OPTIONS, lambda > 0);
    Sequential net = Architectures.build("textcnn", p.input(), p.classes().size(),
        new Architectures.Sizes(8, 8, 8, 0), 3L);
    ExplanationPenalty penalty = lambda > 0 ? new ExplanationPenalty(lambda,
        ExplanationPenalty.Target.SUM_LOG_PROB, ExplanationPenalty.Attribution.GRADIENT_X_INPUT)
        : null;
    new Trainer(new io.gradlens.train.TrainingConfig(EPOCHS, BATCH, 3L, true, penalty),
        new Adam(0.01)).fit(net, p.train(), p.validation(),
        io.gradlens.train.TrainingListener.NONE, CancellationToken.NONE);
    return net.parameters();
  }

  private static void assertSameWeights(Map<String, Tensor> expected, Map<String, Tensor> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name).value().dup().data().asFloat(),
          actual.get(name).value().dup().data().asFloat(), name);
    }
  }

  private static boolean sameWeights(Map<String, Tensor> a, Map<String, Tensor> b) {
    for (String name : a.keySet()) {
      if (!a.get(name).value().equals(b.get(name).value())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void constrainedTrainingIsTheCorePenaltyOnTheMasksOfTheEditList() throws Exception {
    Dataset raw = workspace.rawDataset(datasetId);
    Dataset masked = DatasetEdits.of(List.of(new DatasetEdit.MaskWord(DECOY_POS),
        new DatasetEdit.MaskWord(DECOY_NEG))).apply(raw).dataset();
    Recorder penalised = new Recorder();
    WorkspaceEntry withPenalty = train(100, penalised).model();
    assertSameWeights(coreTraining(masked, 100), weights(withPenalty));

    Recorder plain = new Recorder();
    WorkspaceEntry withoutPenalty = train(0, plain).model();
    assertSameWeights(coreTraining(raw, 0), weights(withoutPenalty));
    assertFalse(sameWeights(weights(withPenalty), weights(withoutPenalty)),
        "the penalty changes the weights");

    // The four curves: loss = classification_loss + saliency_loss per batch and per epoch.
    for (BatchMetrics b : penalised.batches) {
      assertEquals(b.loss(), b.classificationLoss() + b.saliencyLoss(), 1e-5 * (1 + b.loss()));
    }
    assertEquals(EPOCHS, penalised.epochs.size());
    for (EpochMetrics e : penalised.epochs) {
      assertEquals(e.trainLoss(), e.trainClassificationLoss() + e.trainSaliencyLoss(),
          1e-5 * (1 + e.trainLoss()));
      assertTrue(e.trainSaliencyLoss() >= 0);
    }
    assertTrue(Double.isNaN(plain.epochs.get(0).trainSaliencyLoss()),
        "plain training has no saliency loss");
    assertTrue(Double.isNaN(plain.batches.get(0).saliencyLoss()));
  }

  @Test
  void thePenaltyMovesSaliencyOffTheMarkedDecoy() throws Exception {
    double plain = decoyShare(train(0, new Recorder()).model());
    double penalised = decoyShare(train(1000, new Recorder()).model());
    assertTrue(plain > 0.2, "without the penalty the model reads the decoy: share " + plain);
    assertTrue(penalised < plain / 3, "share of |grad x input| on the decoy: " + plain
        + " without, " + penalised + " with the penalty");
  }

  /** Mean share of |gradient × input| on the decoy token over the test texts. */
  private static double decoyShare(WorkspaceEntry model) throws Exception {
    CoreSaliencyService saliency = new CoreSaliencyService(workspace);
    SaliencyRequest request = new SaliencyRequest(SaliencyMethod.GRADIENT_X_INPUT, null,
        Aggregation.SUM, 1, 1, 0);
    double sum = 0;
    int n = 0;
    for (var text : ((io.gradlens.data.TextDataset) workspace.dataset(datasetId)).test()) {
      SaliencyResult r = saliency.explainWith(model, text.text(), request, ProgressListener.NONE,
          CancellationToken.NONE);
      double total = 0;
      double decoy = 0;
      for (int i = 0; i < r.scores().length; i++) {
        total += Math.abs(r.scores()[i]);
        String t = r.tokens().get(i);
        if (t.equals(DECOY_POS) || t.equals(DECOY_NEG)) {
          decoy += Math.abs(r.scores()[i]);
        }
      }
      sum += total == 0 ? 0 : decoy / total;
      n++;
    }
    return sum / n;
  }

  @Test
  void aPenaltyWithoutMarksSaysToMarkTokensFirst() throws Exception {
    Path file = dir.resolve("unmarked.tsv");
    Files.write(file, List.of("text\tlabel", "good film\t1", "bad film\t0", "great plot\t1",
        "dull plot\t0", "lovely cast\t1", "awful cast\t0"), StandardCharsets.UTF_8);
    String id = workspace.openDataset(file).id();
    TrainingConfig c = config(10);
    TrainingConfig unmarked = new TrainingConfig(id, c.settings().toBuilder().epochs(1).batchSize(2)
        .build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        new CoreTrainingService(workspace, OPTIONS).train(unmarked, new Recorder(),
            CancellationToken.NONE));
    assertTrue(e.getMessage().contains("mark tokens or pixels in the Saliency tab"),
        e.getMessage());
  }
}
