package io.gradlens.app.service;

import java.util.Objects;

/**
 * What a sanity check runs on.
 *
 * @param dataset the dataset whose first test examples are compared
 * @param method the saliency method tested (with the Saliency tab's default parameters)
 * @param examples how many examples
 * @param seed seeds the re-initialised weights
 */
public record SanityCheckRequest(WorkspaceEntry dataset, SaliencyMethod method, int examples,
    long seed) {

  /** Checks the arguments. */
  public SanityCheckRequest {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(method, "method");
    if (examples < 1) {
      throw new IllegalArgumentException("examples must be >= 1, got " + examples);
    }
  }
}
