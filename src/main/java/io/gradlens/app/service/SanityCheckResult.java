package io.gradlens.app.service;

import io.gradlens.explain.SanityReport;
import io.gradlens.explain.SanityStep;
import java.util.List;
import java.util.Objects;

/**
 * A cascading randomisation sanity check as the Sanity check tab shows it: the core's
 * {@link SanityReport} and the name of the checked model.
 *
 * @param model the checked model's name
 * @param report the steps, from the output layer down, with the method and its parameters
 */
public record SanityCheckResult(String model, SanityReport report) {

  /** Checks that there is at least one step. */
  public SanityCheckResult {
    Objects.requireNonNull(model, "model");
    if (report.steps().isEmpty()) {
      throw new IllegalArgumentException("a sanity check has at least one step");
    }
  }

  /** @return the saliency method's name */
  public String method() {
    return report.method();
  }

  /** @return number of examples compared */
  public int examples() {
    return report.examples();
  }

  /** @return one step per randomised layer, from the output layer down */
  public List<SanityStep> steps() {
    return report.steps();
  }

  /** @return the last step: every layer with weights randomised */
  public SanityStep fullyRandomized() {
    return report.fullyRandomized();
  }
}
