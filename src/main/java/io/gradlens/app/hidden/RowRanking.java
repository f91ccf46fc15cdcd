package io.gradlens.app.hidden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inputs a hidden state depends on most: for row t of a hidden-state map G, the columns s with
 * the k largest values G[t][s]. Only positive finite values count (a zero entry, e.g. s &gt; t in
 * a causal recurrent layer, is no dependence at all); ties go to the earlier step.
 */
public final class RowRanking {

  private RowRanking() {
  }

  /**
   * @param row G[t][·]
   * @param k how many columns at most (≥ 0)
   * @return the column indices, largest value first
   */
  public static List<Integer> top(double[] row, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    List<Integer> candidates = new ArrayList<>();
    for (int s = 0; s < row.length; s++) {
      if (Double.isFinite(row[s]) && row[s] > 0) {
        candidates.add(s);
      }
    }
    candidates.sort(Comparator.<Integer>comparingDouble(s -> -row[s])
        .thenComparingInt(s -> s));
    return List.copyOf(candidates.subList(0, Math.min(k, candidates.size())));
  }
}
