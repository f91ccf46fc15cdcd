package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

/**
 * The cascading model-randomisation sanity check of a saliency method on the current model
 * (Adebayo et al. 2018, "Sanity Checks for Saliency Maps", arXiv:1810.03292).
 */
public interface SanityCheckService {

  /**
   * Runs the check on the first test examples of a dataset, checking {@code cancel} once per
   * randomised layer.
   *
   * @throws IllegalArgumentException when the current model does not fit the dataset
   * @throws Exception when a model or dataset cannot be read
   */
  SanityCheckResult sanityCheck(SanityCheckRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception;
}
