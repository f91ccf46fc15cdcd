package io.gradlens.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.Architecture;
import io.gradlens.app.service.ExplanationConstraint;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.task.ImmediateTaskRunner;
import org.junit.jupiter.api.Test;

/** The "Retrain with constraint…" preset of the Training form and the penalty fields. */
class ConstraintPresetTest {

  private final TrainingViewModel vm = new TrainingViewModel(new FakeTrainingService(0, null),
      new ImmediateTaskRunner(), new RecordingErrorReporter(), System::nanoTime);

  @Test
  void theDefaultFormTrainsWithoutPenalty() {
    assertFalse(vm.config().constraint().active());
    assertEquals(ExplanationConstraint.NONE, TrainingConfig.defaults().constraint());
  }

  @Test
  void textPresetIsTheDecoyTextRecipeWithGradientTimesInput() {
    vm.presetConstraint("builtin:decoy-text", false);
    TrainingConfig c = vm.config();
    assertEquals("builtin:decoy-text", c.datasetId());
    assertEquals(Architecture.CNN, c.architecture());
    assertEquals(32, c.embeddingSize());
    assertEquals(32, c.hiddenSize());
    assertEquals(1e-3, c.learningRate());
    assertEquals(new ExplanationConstraint(1000, ExplanationConstraint.Target.SUM_LOG_PROB,
        ExplanationConstraint.Attribution.GRADIENT_X_INPUT), c.constraint());
  }

  @Test
  void imagePresetPenalisesThePlainGradient() {
    vm.presetConstraint("builtin:decoy-mnist", true);
    assertEquals(ExplanationConstraint.Attribution.GRADIENT, vm.config().constraint().attribution());
    assertEquals(Architecture.BAG_OF_EMBEDDINGS, vm.config().architecture());
  }

  @Test
  void lambdaZeroIsPlainAndANegativeLambdaIsRefusedByName() {
    vm.presetConstraint("builtin:decoy-text", false);
    vm.penaltyLambdaProperty().set(0);
    assertFalse(vm.config().constraint().active());
    vm.penaltyLambdaProperty().set(-1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, vm::config);
    assertEquals(true, e.getMessage().contains("\u03bb"), e.getMessage());
  }
}
