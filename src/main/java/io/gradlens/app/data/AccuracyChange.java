package io.gradlens.app.data;

import io.gradlens.app.service.Example;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How test accuracy changed from one model to another on the same dataset, e.g. before and after
 * retraining with the explanation penalty.
 *
 * @param before name of the earlier model
 * @param beforeAccuracy its accuracy in [0, 1]
 * @param after name of the later model
 * @param afterAccuracy its accuracy in [0, 1]
 */
public record AccuracyChange(String before, double beforeAccuracy, String after,
    double afterAccuracy) {

  /**
   * @return the fraction of predicted examples whose prediction equals the label; empty when none
   *     has a prediction
   */
  public static OptionalDouble accuracy(List<Example> examples) {
    long predicted = examples.stream().filter(Example::hasPrediction).count();
    if (predicted == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(examples.stream().filter(Example::correct).count()
        / (double) predicted);
  }

  /** @return e.g. {@code test accuracy 0.537 → 0.817 (“decoy model” → “fixed model”)} */
  public String describe() {
    return String.format(Locale.ROOT, "test accuracy %.3f \u2192 %.3f (%+.1f points; \u201c%s\u201d "
        + "\u2192 \u201c%s\u201d)", beforeAccuracy, afterAccuracy,
        100 * (afterAccuracy - beforeAccuracy), before, after);
  }
}
