package io.gradlens.app.service;

/**
 * Receives live training metrics. Called from the training thread; implementations must be
 * thread-safe and fast (they must not block the training loop).
 */
public interface TrainingListener {

  /** Called after every mini-batch. */
  void onBatch(BatchMetrics metrics);

  /** Called after every epoch (after its validation pass). */
  void onEpoch(EpochMetrics metrics);
}
