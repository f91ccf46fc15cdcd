package io.gradlens.app.service;

import java.util.Objects;

/**
 * Hyper-parameters of one training run.
 *
 * @param datasetId workspace id of the training dataset, or {@code null} for the service default
 * @param architecture model architecture
 * @param embeddingSize embedding dimension
 * @param hiddenSize hidden-layer / hidden-state size
 * @param epochs number of passes over the training set
 * @param batchSize examples per mini-batch
 * @param optimizer optimiser
 * @param learningRate step size
 * @param seed random seed (initialisation and shuffling)
 * @param constraint the explanation penalty ({@link ExplanationConstraint#NONE}: plain training)
 */
public record TrainingConfig(
    String datasetId,
    Architecture architecture,
    int embeddingSize,
    int hiddenSize,
    int epochs,
    int batchSize,
    Optimizer optimizer,
    double learningRate,
    long seed,
    ExplanationConstraint constraint) {

  /** A configuration for plain training (no explanation penalty). */
  public TrainingConfig(String datasetId, Architecture architecture, int embeddingSize,
      int hiddenSize, int epochs, int batchSize, Optimizer optimizer, double learningRate,
      long seed) {
    this(datasetId, architecture, embeddingSize, hiddenSize, epochs, batchSize, optimizer,
        learningRate, seed, ExplanationConstraint.NONE);
  }

  /** Validates the parameters. */
  public TrainingConfig {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(constraint, "constraint");
    requirePositive("embeddingSize", embeddingSize);
    requirePositive("hiddenSize", hiddenSize);
    requirePositive("epochs", epochs);
    requirePositive("batchSize", batchSize);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0: " + learningRate);
    }
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1: " + value);
    }
  }

  /** @return a small, quick default configuration */
  public static TrainingConfig defaults() {
    return new TrainingConfig(null, Architecture.BAG_OF_EMBEDDINGS, 32, 64, 5, 32,
        Optimizer.ADAM, 1e-3, 42L);
  }
}
