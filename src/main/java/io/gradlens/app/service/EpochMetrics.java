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
 * @param trainClassificationLoss mean cross-entropy part of the training loss
 * @param trainSaliencyLoss mean explanation-penalty part of the training loss (NaN without one)
 */
public record EpochMetrics(
    int epoch, int epochs, double trainLoss, double trainAccuracy, double valLoss,
    double valAccuracy, double trainClassificationLoss, double trainSaliencyLoss) {

  /** Metrics of plain training: the loss is all cross-entropy, there is no saliency loss. */
  public EpochMetrics(int epoch, int epochs, double trainLoss, double trainAccuracy,
      double valLoss, double valAccuracy) {
    this(epoch, epochs, trainLoss, trainAccuracy, valLoss, valAccuracy, trainLoss, Double.NaN);
  }
}
