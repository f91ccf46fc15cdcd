package io.gradlens.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.task.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit, synchronous runner. */
class TrainingViewModelTest {

  private final RecordingErrorReporter errors = new RecordingErrorReporter();

  @Test
  void collectsLiveMetricsAndFinishes() {
    TrainingViewModel vm = new TrainingViewModel(new FakeTrainingService(0, null),
        new ImmediateTaskRunner(), errors, System::nanoTime);
    vm.epochsProperty().set(3);
    List<TrainingResult> trained = new ArrayList<>();
    vm.setOnTrained(trained::add);
    vm.start();
    assertFalse(vm.runningProperty().get());
    assertEquals(3, vm.epochMetrics().size());
    assertEquals(3 * FakeTrainingService.BATCHES, vm.batchMetrics().size());
    assertEquals(1.0, vm.progressProperty().get(), 1e-12);
    assertEquals(1, trained.size());
    assertTrue(vm.statusProperty().get().startsWith("Done"), vm.statusProperty().get());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void invalidFormIsReportedNotRun() {
    FakeTrainingService service = new FakeTrainingService(0, null);
    TrainingViewModel vm = new TrainingViewModel(service, new ImmediateTaskRunner(), errors,
        System::nanoTime);
    vm.learningRateProperty().set(-1);
    vm.start();
    assertEquals(0, service.batchesRun());
    assertEquals(1, errors.reports().size());
    assertTrue(vm.statusProperty().get().startsWith("Invalid"));
  }

  @Test
  void failureIsReported() {
    TrainingViewModel vm = new TrainingViewModel((c, l, t) -> {
      throw new IllegalStateException("NaN loss");
    }, new ImmediateTaskRunner(), errors, System::nanoTime);
    vm.start();
    assertEquals(1, errors.reports().size());
    assertEquals("Failed: NaN loss", vm.statusProperty().get());
    assertFalse(vm.runningProperty().get());
  }

  @Test
  void configReflectsForm() {
    TrainingViewModel vm = new TrainingViewModel(new FakeTrainingService(0, null),
        new ImmediateTaskRunner(), errors, System::nanoTime);
    vm.batchSizeProperty().set(7);
    vm.seedProperty().set(99);
    vm.checkpointEveryProperty().set(2);
    assertEquals(7, vm.config().settings().batchSize());
    assertEquals(99, vm.config().settings().seed());
    assertEquals(2, vm.config().settings().checkpointEvery());
  }
}
