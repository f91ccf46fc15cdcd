package io.gradlens.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyChangeTest {

  @Test
  void accuracyCountsCorrectPredictionsAmongPredictedExamples() {
    List<Example> examples = List.of(new Example("test/0", "a", "pos", "pos", 0.9),
        new Example("test/1", "b", "neg", "pos", 0.6), new Example("test/2", "c", "neg", "neg", 0.8),
        new Example("test/3", "d", "neg", null, Double.NaN));
    assertEquals(2.0 / 3, AccuracyChange.accuracy(examples).getAsDouble(), 1e-12);
    assertTrue(AccuracyChange.accuracy(List.of(examples.get(3))).isEmpty());
  }

  @Test
  void describesBothModelsAndThePoints() {
    assertEquals("test accuracy 0.537 \u2192 0.817 (+28.0 points; \u201cold\u201d \u2192 \u201cnew\u201d)",
        new AccuracyChange("old", 0.537, "new", 0.817).describe());
  }
}
