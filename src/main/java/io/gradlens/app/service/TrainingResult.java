package io.gradlens.app.service;

/**
 * Outcome of a completed training run.
 *
 * @param model the trained model, registered in the workspace with origin TRAINED
 * @param epochsCompleted number of epochs run
 * @param last metrics of the last epoch
 * @param checkpoints TracIn checkpoints kept with the model (0 when none were asked for)
 */
public record TrainingResult(WorkspaceEntry model, int epochsCompleted, EpochMetrics last,
    int checkpoints) {

  /** A result without checkpoints. */
  public TrainingResult(WorkspaceEntry model, int epochsCompleted, EpochMetrics last) {
    this(model, epochsCompleted, last, 0);
  }
}
