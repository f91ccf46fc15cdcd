package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.SaliencyMarkedRelevance;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingListener;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.TextExample;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.explain.Aggregation;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.workflow.training.OptimizerChoice;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.TrainingSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Saliency tab's compare-mode numbers through the real core, each against an independent
 * computation: the Integrated Gradients completeness gap, and the mean share of |attribution| on
 * the marked words before and after.
 */
class SaliencyCompareCoreTest {

  private static final List<String> DECOYS = List.of("zpos", "zneg");

  @TempDir
  static Path dir;
  private static CoreWorkspace workspace;
  private static CoreSaliencyService saliency;
  private static WorkspaceEntry dataset;
  private static WorkspaceEntry first;
  private static WorkspaceEntry second;

  @BeforeAll
  static void twoTinyModels() throws Exception {
    Path file = dir.resolve("decoys.tsv");
    String[] pos = {"good", "great", "lovely"};
    String[] neg = {"bad", "awful", "dull"};
    String[] filler = {"the", "film", "was", "a", "plot", "and", "story"};
    Random random = new Random(11);
    List<String> lines = new ArrayList<>(List.of("text\tlabel"));
    for (int i = 0; i < 60; i++) {
      int label = i % 2;
      List<String> words = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        words.add(filler[random.nextInt(filler.length)]);
      }
      words.add(random.nextInt(words.size() + 1), (label == 1 ? pos : neg)[random.nextInt(3)]);
      if (i % 3 != 0) { // a third of the texts carry no decoy, hence no mark
        words.add(random.nextInt(words.size() + 1), DECOYS.get(label));
      }
      lines.add(String.join(" ", words) + "\t" + label);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    workspace = new CoreWorkspace(null, dir.resolve("edits"));
    saliency = new CoreSaliencyService(workspace);
    dataset = workspace.openDataset(file);
    CoreDatasetEditService edits = new CoreDatasetEditService(workspace);
    for (String decoy : DECOYS) {
      edits.add(dataset.id(), new DatasetEdit.MaskWord(decoy));
    }
    first = train(1L);
    second = train(2L);
    workspace.selectModel(second);
  }

  private static WorkspaceEntry train(long seed) throws Exception {
    TrainingConfig config = new TrainingConfig(dataset.id(), TrainingSettings.builder()
        .architecture(Architecture.TEXTCNN).embeddingDim(8).units(8).hidden(8).epochs(2)
        .batchSize(16).optimizer(OptimizerChoice.ADAM).learningRate(0.02).seed(seed).build());
    return new CoreTrainingService(workspace, DatasetPreparation.Options.DEFAULT)
        .train(config, new TrainingListener() {
          @Override
          public void onBatch(io.gradlens.app.service.BatchMetrics metrics) {
          }

          @Override
          public void onEpoch(io.gradlens.app.service.EpochMetrics metrics) {
          }
        }, CancellationToken.NONE).model();
  }

  @Test
  void theCompletenessGapIsFOfTheInputMinusFOfTheBaselineMinusTheSum() throws Exception {
    String text = "the film was good zpos";
    SaliencyRequest ig = new SaliencyRequest(SaliencyMethod.INTEGRATED_GRADIENTS, null,
        Aggregation.SUM, 8, 1, 0, "token:film");
    SaliencyResult r = saliency.explain(text, ig, ProgressListener.NONE, CancellationToken.NONE);
    // f = log p(target). The baseline replaces every token by "film": the model's reading of
    // "film film film film film", explained by plain gradient only for its probabilities.
    SaliencyResult base = saliency.explain("film film film film film", new SaliencyRequest(
        SaliencyMethod.GRADIENT, r.targetClass(), Aggregation.SUM, 8, 1, 0),
        ProgressListener.NONE, CancellationToken.NONE);
    double fx = Math.log(r.probabilities()[r.targetClass()]);
    double fb = Math.log(base.probabilities()[r.targetClass()]);
    double sum = 0;
    for (double s : r.scores()) {
      sum += s;
    }
    assertEquals(fx, r.diagnostics().get("f_input"), 1e-5);
    assertEquals(fb, r.diagnostics().get("f_baseline"), 1e-5);
    assertEquals(Math.abs(sum - (fx - fb)), r.diagnostics().get("completeness_gap"), 2e-5);
    assertTrue(Math.abs(fx - fb) > 1e-4, "a baseline that changes the output: " + (fx - fb));
    assertTrue(saliency.explain(text, SaliencyRequest.defaults(), ProgressListener.NONE,
        CancellationToken.NONE).diagnostics().isEmpty(), "plain gradient reports no gap");
  }

  @Test
  void theMarkedRelevanceMeansAreTheHandComputedMeansOverTheMarkedTestTexts() throws Exception {
    SaliencyRequest request = new SaliencyRequest(SaliencyMethod.GRADIENT_X_INPUT, null,
        Aggregation.SUM, 8, 1, 0);
    SaliencyMarkedRelevance means = saliency.markedRelevance(first, dataset, request,
        ProgressListener.NONE, CancellationToken.NONE);
    double now = 0;
    double then = 0;
    int marked = 0;
    int texts = 0;
    for (TextExample e : ((io.gradlens.data.TextDataset) workspace.dataset(dataset.id())).test()) {
      texts++;
      SaliencyResult a = saliency.explainWith(second, e.text(), request, ProgressListener.NONE,
          CancellationToken.NONE);
      SaliencyResult b = saliency.explainWith(first, e.text(), request, ProgressListener.NONE,
          CancellationToken.NONE);
      if (a.tokens().stream().noneMatch(DECOYS::contains)) {
        continue;
      }
      marked++;
      now += decoyShare(a);
      then += decoyShare(b);
    }
    assertTrue(marked > 0 && marked < texts, marked + " of " + texts + " test texts marked");
    assertEquals(marked, means.examples());
    // float32 networks: a batch of 32 and a single text differ in the last bits
    assertEquals(now / marked, means.current(), 1e-6);
    assertEquals(then / marked, means.other(), 1e-6);
    assertTrue(Math.abs(now / marked - then / marked) > 1e-4, "two different models");
    assertFalse(Double.isNaN(means.current()));
  }

  /** Σ |score| on the decoy words / Σ |score|. */
  private static double decoyShare(SaliencyResult r) {
    double on = 0;
    double all = 0;
    for (int i = 0; i < r.scores().length; i++) {
      double a = Math.abs(r.scores()[i]);
      all += a;
      on += DECOYS.contains(r.tokens().get(i)) ? a : 0;
    }
    return on / all;
  }
}
