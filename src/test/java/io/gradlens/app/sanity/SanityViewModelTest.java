package io.gradlens.app.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SanityCheckRequest;
import io.gradlens.app.service.SanityCheckResult;
import io.gradlens.explain.SanityReport;
import io.gradlens.explain.SanityStep;
import io.gradlens.app.service.SanityCheckService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.app.task.ManualTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit; a service that records requests and answers fixed steps. */
class SanityViewModelTest {

  private static final WorkspaceEntry DATA = new WorkspaceEntry("builtin:d", "d",
      WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.BUILT_IN, null);

  private final List<SanityCheckRequest> requests = new ArrayList<>();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final SimpleObjectProperty<WorkspaceEntry> dataset = new SimpleObjectProperty<>(DATA);

  private SanityCheckService answering(double... finalAbs) {
    return (request, progress, cancel) -> {
      requests.add(request);
      List<SanityStep> steps = new ArrayList<>();
      steps.add(new SanityStep(List.of("dense"), 0.9, 0.8, new double[0], new double[0]));
      steps.add(new SanityStep(List.of("dense", "lstm"), finalAbs[0], Double.NaN, new double[0],
          new double[0]));
      return new SanityCheckResult("m", new SanityReport(request.method().name(), Map.of(),
          request.examples(), steps));
    };
  }

  @Test
  void runPassesTheSettingsAndGivesAVerdict() {
    SanityViewModel vm = new SanityViewModel(answering(0.85), new ImmediateTaskRunner(), errors,
        dataset);
    vm.methodProperty().set(SaliencyMethod.GRADIENT_X_INPUT);
    vm.examplesProperty().set(7);
    vm.seedProperty().set(11);
    vm.run();
    assertEquals(new SanityCheckRequest(DATA, SaliencyMethod.GRADIENT_X_INPUT, 7, 11),
        requests.get(0));
    assertEquals(SanityVerdict.Kind.INSENSITIVE_TO_WEIGHTS, vm.verdictProperty().get().kind());
    assertEquals(List.of(List.of("1", "dense", "0.900000", "0.800000"),
        List.of("2", "dense lstm", "0.850000", "")), vm.csvRows());
    assertFalse(vm.busyProperty().get());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void withoutADatasetItSaysWhatIsMissing() {
    dataset.set(null);
    SanityViewModel vm = new SanityViewModel(answering(0.1), new ImmediateTaskRunner(), errors,
        dataset);
    vm.run();
    assertTrue(requests.isEmpty());
    assertEquals("Open a dataset and a model first.", vm.messageProperty().get());
  }

  @Test
  void aMismatchIsAMessageAndAnUnexpectedFailureADialog() {
    SanityViewModel mismatch = new SanityViewModel((r, p, c) -> {
      throw new IllegalArgumentException("The current model reads images");
    }, new ImmediateTaskRunner(), errors, dataset);
    mismatch.run();
    assertEquals("The current model reads images", mismatch.messageProperty().get());
    assertTrue(errors.reports().isEmpty());
    SanityViewModel broken = new SanityViewModel((r, p, c) -> {
      throw new java.io.IOException("disk");
    }, new ImmediateTaskRunner(), errors, dataset);
    broken.run();
    assertEquals(1, errors.reports().size());
    assertNull(broken.resultProperty().get());
  }

  @Test
  void cancelStopsTheRunAndDropsItsResult() throws Exception {
    ManualTaskRunner runner = new ManualTaskRunner();
    SanityViewModel vm = new SanityViewModel(answering(0.1), runner, errors, dataset);
    vm.run();
    assertTrue(vm.busyProperty().get());
    vm.cancel();
    assertFalse(vm.busyProperty().get());
    assertEquals("Cancelled.", vm.messageProperty().get());
    ManualTaskRunner.Pending<?> pending = runner.pending().get(0);
    assertTrue(pending.cancelled());
    pending.complete();
    assertNull(vm.resultProperty().get());
    assertNull(vm.verdictProperty().get());
  }
}
