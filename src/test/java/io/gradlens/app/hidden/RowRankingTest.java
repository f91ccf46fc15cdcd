package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowRankingTest {

  @Test
  void largestValuesFirstTiesToTheEarlierStep() {
    double[] row = {0.5, 2.0, 0.5, 3.0, 0.1};
    assertEquals(List.of(3, 1), RowRanking.top(row, 2));
    assertEquals(List.of(3, 1, 0, 2), RowRanking.top(row, 4));
  }

  @Test
  void zerosAndNonFiniteValuesAreNoDependence() {
    double[] row = {0.2, Double.NaN, 0, Double.POSITIVE_INFINITY, 0.4, 0, 0};
    assertEquals(List.of(4, 0), RowRanking.top(row, 5));
    assertEquals(List.of(), RowRanking.top(new double[] {0, 0}, 3));
    assertEquals(List.of(), RowRanking.top(row, 0));
    assertThrows(IllegalArgumentException.class, () -> RowRanking.top(row, -1));
  }
}
