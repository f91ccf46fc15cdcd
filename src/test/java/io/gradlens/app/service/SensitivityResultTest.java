package io.gradlens.app.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.workflow.models.SensitivityOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SensitivityResult#of}: the workflow's outcome flattened, the most sensitive shown. */
class SensitivityResultTest {

  /** Two inputs, two rows: a = (1, 3) → mean |g| of x: 2, y: 0.5; b/z: 4. */
  private static SensitivityOutcome outcome() {
    InputGroupSensitivity a = new InputGroupSensitivity("a", List.of("x", "y"),
        new double[][] {{1, -0.5}, {3, 0.5}}, new double[] {2, 0}, new double[] {2, 0.5});
    InputGroupSensitivity b = new InputGroupSensitivity("b", List.of("z"),
        new double[][] {{-4}, {4}}, new double[] {0}, new double[] {4});
    return new SensitivityOutcome(new SensitivityReport("regression", 2, List.of(a, b)), "set",
        List.of(), new double[] {10, 20});
  }

  @Test
  void keepsTheMostSensitiveFeaturesInInputOrderWithEachRowsGradients() {
    SensitivityResult r = SensitivityResult.of("m", outcome(), 2);
    assertEquals(List.of("a / x", "b / z"), r.features().stream()
        .map(FeatureSensitivity::label).toList());
    assertEquals(3, r.totalFeatures());
    assertTrue(r.isTruncated());
    assertArrayEquals(new double[] {1, -4}, r.rows().get(0).gradients());
    assertArrayEquals(new double[] {3, 4}, r.rows().get(1).gradients());
    assertEquals(20, r.rows().get(1).output());
    assertEquals("regression", r.output());
    assertEquals("set", r.dataset());
  }

  @Test
  void showsEveryFeatureWhenThereAreFewEnough() {
    SensitivityResult r = SensitivityResult.of("m", outcome(), 24);
    assertFalse(r.isTruncated());
    assertEquals(List.of("a / x", "a / y", "b / z"), r.features().stream()
        .map(FeatureSensitivity::label).toList());
    assertEquals(0.5, r.features().get(1).meanAbsolute());
  }
}
