package io.gradlens.app.service;

/**
 * Metrics of one training mini-batch.
 *
 * @param epoch 1-based epoch number
 * @param batch 0-based batch index within the epoch
 * @param batchesPerEpoch number of batches in one epoch
 * @param loss mean training loss of the batch
 * @param accuracy training accuracy of the batch in [0, 1]
 * @param classificationLoss cross-entropy part of {@code loss}
 * @param saliencyLoss explanation-penalty part of {@code loss} (NaN without a penalty)
 */
public record BatchMetrics(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy,
    double classificationLoss, double saliencyLoss) {

  /** Metrics of a plain training batch: the loss is all cross-entropy. */
  public BatchMetrics(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy) {
    this(epoch, batch, batchesPerEpoch, loss, accuracy, loss, Double.NaN);
  }

  /** @return position on a fractional epoch axis: epoch 1, batch 0 of 10 gives 0.1 */
  public double epochPosition() {
    return (epoch - 1) + (batch + 1) / (double) Math.max(1, batchesPerEpoch);
  }
}
