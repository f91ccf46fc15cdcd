package io.gradlens.app.core;

import io.gradlens.explain.Aggregation;
import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.OptimizerChoice;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingSettings;
import io.gradlens.app.service.TrainingListener;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.data.AccuracyChange;
import io.gradlens.data.DecoyText;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the decoy-text story of the fix-the-reasons loop through the workbench's services, as
 * the GUI drives them: train the text CNN on {@code decoy-text} with the Training form's defaults
 * for it, measure test accuracy (as the Data tab counts it) and the share of saliency on the decoy
 * token; mark {@code decoypos} and {@code decoyneg} as words that must not matter; retrain with the
 * "Retrain with constraint…" preset; measure again. Not a test: run it by hand (docs/gui.md).
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:target/lib/* 
 * io.gradlens.app.core.FixReasonsStory [epochs]}
 */
public final class FixReasonsStory {

  private FixReasonsStory() {
  }

  /** Runs the story and prints its numbers. */
  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Path edits = Files.createTempDirectory("gradlens-story-edits");
    CoreWorkspace workspace = new CoreWorkspace(null, edits);
    CoreTrainingService training = new CoreTrainingService(workspace);
    CoreDatasetEditService editService = new CoreDatasetEditService(workspace);
    String dataset = "builtin:decoy-text";
    TrainingSettings small = TrainingSettings.builder().architecture(Architecture.TEXTCNN)
        .embeddingDim(32).units(32).hidden(32).epochs(epochs).batchSize(32)
        .optimizer(OptimizerChoice.ADAM).learningRate(1e-3).seed(42L).build();
    TrainingConfig plain = new TrainingConfig(dataset, small);
    WorkspaceEntry before = run("plain", training, plain);
    report("before", workspace, before);

    editService.add(dataset, new DatasetEdit.MaskWord(DecoyText.POSITIVE_TOKEN));
    editService.add(dataset, new DatasetEdit.MaskWord(DecoyText.NEGATIVE_TOKEN));
    TrainingConfig constrained = new TrainingConfig(dataset, small.toBuilder()
        .penalty(PenaltySettings.preset(false)).build());
    WorkspaceEntry after = run("constrained", training, constrained);
    report("after", workspace, after);
  }

  private static WorkspaceEntry run(String name, CoreTrainingService training, TrainingConfig c)
      throws Exception {
    List<Long> epochEnds = new ArrayList<>();
    long start = System.nanoTime();
    TrainingResult r = training.train(c, new TrainingListener() {
      @Override
      public void onBatch(BatchMetrics metrics) {
      }

      @Override
      public void onEpoch(EpochMetrics m) {
        epochEnds.add(System.nanoTime());
        System.out.printf(Locale.ROOT, "%s epoch %d: loss %.4f classification %.4f saliency %.4f "
            + "acc %.4f val_acc %.4f%n", c.settings().penalty().active() ? "constrained" : "plain",
            m.epoch(), m.trainLoss(), m.trainClassificationLoss(), m.trainSaliencyLoss(),
            m.trainAccuracy(), m.valAccuracy());
      }
    }, CancellationToken.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d epochs in %.1f s (%.1f s per epoch), model %s%n", name,
        c.settings().epochs(), seconds, seconds / c.settings().epochs(), r.model().name());
    return r.model();
  }

  private static void report(String when, CoreWorkspace workspace, WorkspaceEntry model)
      throws Exception {
    workspace.selectModel(model);
    WorkspaceEntry data = workspace.entry("builtin:decoy-text").orElseThrow();
    double accuracy = AccuracyChange.accuracy(workspace.examples(data, ProgressListener.NONE,
        CancellationToken.NONE)).orElse(Double.NaN);
    CoreSaliencyService saliency = new CoreSaliencyService(workspace);
    var texts = ((io.gradlens.data.TextDataset) workspace.dataset("builtin:decoy-text")).test();
    for (SaliencyMethod method : List.of(SaliencyMethod.GRADIENT, SaliencyMethod.GRADIENT_X_INPUT)) {
      SaliencyRequest request = new SaliencyRequest(method, null, Aggregation.SUM, 1, 1, 0);
      double share = 0;
      int top = 0;
      int counted = 0;
      for (var t : texts) {
        SaliencyResult r = saliency.explainWith(model, t.text(), request, ProgressListener.NONE,
            CancellationToken.NONE);
        double total = 0;
        double decoy = 0;
        int best = 0;
        for (int i = 0; i < r.scores().length; i++) {
          double s = Math.abs(r.scores()[i]);
          total += s;
          if (isDecoy(r.tokens().get(i))) {
            decoy += s;
          }
          if (s > Math.abs(r.scores()[best])) {
            best = i;
          }
        }
        if (r.tokens().stream().anyMatch(FixReasonsStory::isDecoy) && total > 0) {
          share += decoy / total;
          top += isDecoy(r.tokens().get(best)) ? 1 : 0;
          counted++;
        }
      }
      System.out.printf(Locale.ROOT, "%s [%s]: test accuracy %.4f; %s saliency share on the decoy "
          + "%.3f (mean over %d test texts with a decoy); decoy is the top token in %.1f%%%n", when,
          model.name(), accuracy, method.displayName(), share / counted, counted,
          100.0 * top / counted);
    }
  }

  private static boolean isDecoy(String token) {
    return token.equals(DecoyText.POSITIVE_TOKEN) || token.equals(DecoyText.NEGATIVE_TOKEN);
  }
}
