package io.gradlens.app.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.EvaluationService;
import io.gradlens.app.service.FaithfulnessRequest;
import io.gradlens.app.service.FaithfulnessResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.app.task.ManualTaskRunner;
import io.gradlens.explain.evaluation.EvaluationReport;
import io.gradlens.explain.evaluation.MethodEvaluation;
import io.gradlens.explain.evaluation.MetricComparison;
import io.gradlens.explain.evaluation.MetricScores;
import io.gradlens.explain.evaluation.MetricSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit; a service that records requests and answers a fixed table. */
class EvaluationViewModelTest {

  private static final WorkspaceEntry DATA = new WorkspaceEntry("builtin:d", "d",
      WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.BUILT_IN, null);

  private final List<FaithfulnessRequest> requests = new ArrayList<>();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final SimpleObjectProperty<WorkspaceEntry> dataset = new SimpleObjectProperty<>(DATA);

  private EvaluationService answering() {
    return (request, progress, cancel) -> {
      requests.add(request);
      MetricComparison deletion = new MetricComparison("deletion-aopc", "Samek", true,
          new MetricScores("deletion-aopc", new double[] {0.5, 0.7}, new double[] {0, 1},
              new double[] {0.9, 0.1}),
          new MetricScores("deletion-aopc", new double[] {0.2, 0.4}, new double[] {0, 1},
              new double[] {0.9, 0.5}));
      MetricComparison infidelity = new MetricComparison("infidelity", "Yeh", false,
          MetricScores.of("infidelity", new double[] {2, 2}),
          MetricScores.of("infidelity", new double[] {1, 1}));
      return new FaithfulnessResult("m", new EvaluationReport(2, "token 0",
          MetricSettings.defaults(request.seed()), List.of(new MethodEvaluation("gradient",
              Map.of(), List.of(deletion, infidelity))), Map.of("max-sensitivity", "text")));
    };
  }

  @Test
  void computePassesTheSettingsAndTabulatesIntervalsAndTheRandomBaseline() {
    EvaluationViewModel vm = new EvaluationViewModel(answering(), new ImmediateTaskRunner(),
        errors, dataset);
    vm.methodsProperty().set("grad-x-input");
    vm.examplesProperty().set(7);
    vm.seedProperty().set(11);
    vm.compute();
    assertEquals(new FaithfulnessRequest(DATA, "grad-x-input", 7, 11), requests.get(0));
    double ci = 1.96 * Math.sqrt(0.02) / Math.sqrt(2);
    assertEquals(List.of(
        List.of("gradient", "deletion-aopc", "higher",
            String.format(java.util.Locale.ROOT, "0.6000 \u00b1 %.4f", ci),
            String.format(java.util.Locale.ROOT, "0.3000 \u00b1 %.4f", ci), "mean only"),
        List.of("gradient", "infidelity", "lower", "2.0000 \u00b1 0.0000", "1.0000 \u00b1 0.0000",
            "no")), vm.rows());
    assertTrue(vm.messageProperty().get().contains("max-sensitivity (text)"),
        vm.messageProperty().get());
    assertFalse(vm.busyProperty().get());
    assertTrue(errors.reports().isEmpty());
    assertEquals("all", EvaluationViewModel.methodChoices().get(0));
  }

  @Test
  void withoutADatasetItSaysWhatIsMissing() {
    dataset.set(null);
    EvaluationViewModel vm = new EvaluationViewModel(answering(), new ImmediateTaskRunner(),
        errors, dataset);
    vm.compute();
    assertTrue(requests.isEmpty());
    assertEquals("Open a dataset and a model first.", vm.messageProperty().get());
  }

  @Test
  void aMismatchIsAMessageAndAnUnexpectedFailureADialog() {
    EvaluationViewModel mismatch = new EvaluationViewModel((r, p, c) -> {
      throw new IllegalArgumentException("The current model reads images");
    }, new ImmediateTaskRunner(), errors, dataset);
    mismatch.compute();
    assertEquals("The current model reads images", mismatch.messageProperty().get());
    assertTrue(errors.reports().isEmpty());
    EvaluationViewModel broken = new EvaluationViewModel((r, p, c) -> {
      throw new java.io.IOException("disk");
    }, new ImmediateTaskRunner(), errors, dataset);
    broken.compute();
    assertEquals(1, errors.reports().size());
    assertNull(broken.resultProperty().get());
  }

  @Test
  void cancelStopsTheRun() {
    ManualTaskRunner runner = new ManualTaskRunner();
    EvaluationViewModel vm = new EvaluationViewModel(answering(), runner, errors, dataset);
    vm.compute();
    assertTrue(vm.busyProperty().get());
    vm.cancel();
    assertFalse(vm.busyProperty().get());
    assertEquals("Cancelled.", vm.messageProperty().get());
    assertTrue(runner.pending().get(0).cancelled());
  }
}
