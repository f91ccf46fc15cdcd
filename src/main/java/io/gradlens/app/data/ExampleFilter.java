package io.gradlens.app.data;

import io.gradlens.app.service.Example;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Pure predicate behind the Data tab's search field and filters.
 *
 * @param search case-insensitive substring of the text (blank: any)
 * @param misclassifiedOnly keep only examples with a wrong prediction
 * @param label keep only this gold label ({@code null}: any)
 * @param minConfidence lower confidence bound (inclusive)
 * @param maxConfidence upper confidence bound (inclusive)
 */
public record ExampleFilter(String search, boolean misclassifiedOnly, String label,
    double minConfidence, double maxConfidence) implements Predicate<Example> {

  /** @return a filter that keeps everything */
  public static ExampleFilter all() {
    return new ExampleFilter("", false, null, 0, 1);
  }

  /** @return whether the confidence bounds are the full [0, 1] range */
  public boolean fullConfidenceRange() {
    return minConfidence <= 0 && maxConfidence >= 1;
  }

  @Override
  public boolean test(Example e) {
    if (search != null && !search.isBlank()
        && !e.text().toLowerCase(Locale.ROOT).contains(search.strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (label != null && !label.equals(e.label())) {
      return false;
    }
    if (misclassifiedOnly && (!e.hasPrediction() || e.correct())) {
      return false;
    }
    if (!fullConfidenceRange()) {
      double c = e.confidence();
      return !Double.isNaN(c) && c >= minConfidence && c <= maxConfidence;
    }
    return true;
  }
}
