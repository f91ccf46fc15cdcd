package io.gradlens.app.service;

/**
 * Outcome of a completed training run.
 *
 * @param model the trained model, registered in the workspace with origin TRAINED
 * @param epochsCompleted number of epochs run
 * @param last metrics of the last epoch
 */
public record TrainingResult(WorkspaceEntry model, int epochsCompleted, EpochMetrics last) {
}
