package io.gradlens.app.service;

import java.util.Objects;

/**
 * What the Evaluate tab runs: the faithfulness metrics of {@code gradlens evaluate} with its
 * defaults, on the first test examples of a dataset.
 *
 * @param dataset  the dataset whose first test examples are evaluated
 * @param methods  {@code all} or a method's registry name
 * @param examples how many examples (≥ 1)
 * @param seed     seeds the random baseline and the perturbations
 */
public record FaithfulnessRequest(WorkspaceEntry dataset, String methods, int examples, long seed) {

  /** Checks the arguments. */
  public FaithfulnessRequest {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(methods, "methods");
    if (examples < 1) {
      throw new IllegalArgumentException("examples must be >= 1, got " + examples);
    }
  }
}
