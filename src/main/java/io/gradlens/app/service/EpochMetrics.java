package io.gradlens.app.service;

/**
 * Metrics at the end of one epoch. Validation values are NaN when there is no validation split.
 *
 * @param epoch 1-based epoch number
 * @param epochs total number of epochs planned
 * @param trainLoss mean training loss over the epoch
 * @param trainAccuracy training accuracy in [0, 1]
 * @param valLoss validation loss
 * @param valAccuracy validation accuracy in [0, 1]
 */
public record EpochMetrics(
    int epoch, int epochs, double trainLoss, double trainAccuracy, double valLoss,
    double valAccuracy) {
}
