package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;

/**
 * Trains a classifier on a workspace dataset and reports per-batch and per-epoch metrics while
 * doing so; the trained model joins the workspace with the checkpoints it asked for.
 */
public interface TrainingService {

  /**
   * Runs training to completion or cancellation.
   *
   * @param config the dataset and settings
   * @param listener receives metrics from the training thread
   * @param cancel polled at least once per batch; when cancelled the call throws
   *     {@link CancellationToken.CancelledException}
   * @return the trained model and final metrics
   * @throws Exception when training fails
   */
  TrainingResult train(TrainingConfig config, TrainingListener listener, CancellationToken cancel)
      throws Exception;
}
