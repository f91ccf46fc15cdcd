package io.gradlens.app.service;

import io.gradlens.explain.Aggregation;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.TrainingSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTypesTest {

  @Test
  void saliencyRequestValidates() {
    assertThrows(IllegalArgumentException.class, () -> new SaliencyRequest(
        SaliencyMethod.INTEGRATED_GRADIENTS, null, Aggregation.SUM, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new SaliencyRequest(
        SaliencyMethod.SMOOTHGRAD, null, Aggregation.SUM, 1, 1, Double.NaN));
    assertEquals(SaliencyMethod.GRADIENT, SaliencyRequest.defaults().method());
  }

  @Test
  void saliencyResultValidatesAndCopies() {
    double[] scores = {1, 2};
    SaliencyResult r = new SaliencyResult(List.of("a", "b"), scores, 1, new double[] {0.4, 0.6},
        List.of("n", "p"), "Gradient");
    scores[0] = 99;
    assertEquals(1, r.scores()[0]);
    assertEquals(1, r.predictedClass());
    assertThrows(IllegalArgumentException.class, () -> new SaliencyResult(List.of("a"),
        new double[] {1, 2}, 0, new double[] {1}, List.of("x"), "m"));
    assertThrows(IllegalArgumentException.class, () -> new SaliencyResult(List.of("a"),
        new double[] {1}, 3, new double[] {1}, List.of("x"), "m"));
  }

  @Test
  void cancellation() {
    CancellationToken s = new CancellationToken();
    s.throwIfCancelled();
    s.cancel();
    assertTrue(s.isCancelled());
    assertThrows(CancellationToken.CancelledException.class, s::throwIfCancelled);
    assertFalse(CancellationToken.NONE.isCancelled());
  }

  @Test
  void trainingConfigAndBatchPosition() {
    assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(null,
        TrainingSettings.builder().architecture(Architecture.RNN).epochs(0).build()));
    assertEquals(0.5, new BatchMetrics(1, 4, 10, 1, 0).epochPosition(), 1e-12);
    assertEquals(2.0, new BatchMetrics(2, 9, 10, 1, 0).epochPosition(), 1e-12);
  }

  @Test
  void exampleCorrectness() {
    assertTrue(new Example("1", "t", "a", "a", 0.9).correct());
    assertFalse(new Example("1", "t", "a", null, Double.NaN).correct());
  }
}
