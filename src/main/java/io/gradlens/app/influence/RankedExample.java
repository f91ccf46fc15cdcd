package io.gradlens.app.influence;

import io.gradlens.app.service.InfluentialExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of an influence table: a training example at a rank.
 *
 * @param rank 1 for the most influential
 * @param example the example and its score
 */
public record RankedExample(int rank, InfluentialExample example) {

  /** @return rows ranked 1, 2, … in the given order */
  public static List<RankedExample> rank(List<InfluentialExample> examples) {
    List<RankedExample> rows = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      rows.add(new RankedExample(i + 1, examples.get(i)));
    }
    return rows;
  }

  /** @return CSV header of {@link #csvRow} */
  public static List<String> csvHeader() {
    return List.of("table", "rank", "example_id", "label", "score", "text");
  }

  /** @return this row as CSV cells, the score with 9 significant digits */
  public List<String> csvRow(String table) {
    return List.of(table, Integer.toString(rank), example.exampleId(), example.label(),
        formatScore(example.score()), example.text());
  }

  /** @return a score as exported and shown: 9 significant digits, locale-independent */
  public static String formatScore(double score) {
    return String.format(Locale.ROOT, "%.9g", score);
  }
}
