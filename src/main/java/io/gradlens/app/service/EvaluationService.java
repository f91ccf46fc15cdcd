package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

/**
 * Faithfulness metrics of attribution methods on the current model (deletion/insertion, ERASER,
 * ground-truth masks, infidelity, max-sensitivity), each beside a seeded random baseline.
 */
public interface EvaluationService {

  /**
   * Evaluates the first test examples of a dataset, checking {@code cancel} once per batch.
   *
   * @throws IllegalArgumentException when the current model does not fit the dataset
   * @throws Exception when a model or dataset cannot be read
   */
  FaithfulnessResult evaluate(FaithfulnessRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception;
}
