package io.gradlens.app.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.Example;
import org.junit.jupiter.api.Test;

class ExampleFilterTest {

  private final Example right = new Example("1", "A Great film", "pos", "pos", 0.9);
  private final Example wrong = new Example("2", "dull plot", "neg", "pos", 0.6);
  private final Example unpredicted = new Example("3", "meh", "neg", null, Double.NaN);

  @Test
  void allKeepsEverything() {
    ExampleFilter f = ExampleFilter.all();
    assertTrue(f.test(right) && f.test(wrong) && f.test(unpredicted));
  }

  @Test
  void searchIsCaseInsensitive() {
    ExampleFilter f = new ExampleFilter("great", false, null, 0, 1);
    assertTrue(f.test(right));
    assertFalse(f.test(wrong));
  }

  @Test
  void misclassifiedOnly() {
    ExampleFilter f = new ExampleFilter("", true, null, 0, 1);
    assertFalse(f.test(right));
    assertTrue(f.test(wrong));
    assertFalse(f.test(unpredicted));
  }

  @Test
  void byLabelAndConfidence() {
    assertTrue(new ExampleFilter("", false, "neg", 0, 1).test(unpredicted));
    assertFalse(new ExampleFilter("", false, "neg", 0, 1).test(right));
    ExampleFilter lowConfidence = new ExampleFilter("", false, null, 0, 0.7);
    assertTrue(lowConfidence.test(wrong));
    assertFalse(lowConfidence.test(right));
    assertFalse(lowConfidence.test(unpredicted), "no prediction, no confidence");
  }
}
