package io.gradlens.workflow.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link MarkedRelevance#share} against hand computations. */
class MarkedRelevanceTest {

  @Test
  void theShareOfAbsoluteAttributionOnTheMarkedPositions() {
    // |scores| = 0.5, 2.0, 1.0, 0.5; marked: 0 and 2 → (0.5 + 1.0) / 4.0
    double[] scores = {0.5, -2.0, 1.0, -0.5};
    boolean[] marked = {true, false, true, false};
    assertEquals(0.375, MarkedRelevance.share(scores, marked), 1e-15);
    // negative scores count by their size: mark only the −2.0 → 2.0 / 4.0
    assertEquals(0.5, MarkedRelevance.share(scores, new boolean[] {false, true, false, false}),
        1e-15);
  }

  @Test
  void nanScoresAreLeftOutAndShorterMapsCoverTheirOwnPositions() {
    // the NaN at position 1 is left out: 3 / (3 + 1)
    assertEquals(0.75, MarkedRelevance.share(new double[] {3, Double.NaN, 1},
        new boolean[] {true, true, false}), 1e-15);
    // a truncated explanation (2 positions) of a 4-position mask: 1 / (1 + 3)
    assertEquals(0.25, MarkedRelevance.share(new double[] {1, 3},
        new boolean[] {true, false, true, true}), 1e-15);
  }

  @Test
  void undefinedWithoutMarksOrWithoutAttribution() {
    assertTrue(Double.isNaN(MarkedRelevance.share(new double[] {1, 2}, new boolean[2])));
    assertTrue(Double.isNaN(MarkedRelevance.share(new double[] {0, 0},
        new boolean[] {true, false})));
    assertEquals("\u2013", MarkedRelevance.format(Double.NaN));
    assertEquals("0.083", MarkedRelevance.format(1.0 / 12));
  }
}
