package io.gradlens.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.app.fakes.FakeTrainingService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The "Retrain with constraint…" preset of the Training form and the penalty fields. */
class ConstraintPresetTest {

  private final TrainingViewModel vm = new TrainingViewModel(new FakeTrainingService(0, null),
      new ImmediateTaskRunner(), new RecordingErrorReporter(), System::nanoTime);

  @Test
  void theDefaultFormIsTheCommandLinesDefaultsWithoutPenalty() {
    assertFalse(vm.config().settings().penalty().active());
    assertEquals(PenaltySettings.NONE, TrainingConfig.defaults().settings().penalty());
    assertEquals(TrainingSettings.DEFAULTS, vm.config().settings());
  }

  @Test
  void textPresetIsTheDecoyTextRecipeWithGradientTimesInput() {
    vm.presetConstraint("builtin:decoy-text", false);
    TrainingConfig c = vm.config();
    assertEquals("builtin:decoy-text", c.datasetId());
    assertEquals(Architecture.TEXTCNN, c.settings().architecture());
    assertEquals(32, c.settings().embeddingDim());
    assertEquals(32, c.settings().units());
    assertEquals(1e-3, c.settings().learningRate());
    assertEquals(PenaltySettings.of(1000, ExplanationPenalty.Target.SUM_LOG_PROB,
        ExplanationPenalty.Attribution.GRADIENT_X_INPUT), c.settings().penalty());
  }

  @Test
  void imagePresetPenalisesThePlainGradient() {
    vm.presetConstraint("builtin:decoy-mnist", true);
    assertEquals(ExplanationPenalty.Attribution.GRADIENT,
        vm.config().settings().penalty().attribution());
    assertEquals(Architecture.MLP, vm.config().settings().architecture());
  }

  @Test
  void lambdaZeroIsPlainAndANegativeLambdaIsRefusedByName() {
    vm.presetConstraint("builtin:decoy-text", false);
    vm.penaltyLambdaProperty().set(0);
    assertFalse(vm.config().settings().penalty().active());
    vm.penaltyLambdaProperty().set(-1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, vm::config);
    assertEquals(true, e.getMessage().contains("\u03bb"), e.getMessage());
  }
}
