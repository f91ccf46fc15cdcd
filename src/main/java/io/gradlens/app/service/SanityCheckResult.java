package io.gradlens.app.service;

import java.util.List;

/**
 * The result of a cascading randomisation sanity check.
 *
 * @param model the checked model's name
 * @param method the saliency method's name
 * @param examples number of examples compared
 * @param steps one per randomised layer, from the output layer down
 */
public record SanityCheckResult(String model, String method, int examples,
    List<SanityCheckStep> steps) {

  /** Copies the steps; there is at least one. */
  public SanityCheckResult {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a sanity check has at least one step");
    }
  }

  /** @return the last step: every layer with weights randomised */
  public SanityCheckStep fullyRandomized() {
    return steps.get(steps.size() - 1);
  }
}
