package io.gradlens.train;

/**
 * How to train.
 *
 * @param epochs    passes over the training set (≥ 1)
 * @param batchSize examples per step (≥ 1)
 * @param seed      seeds shuffling and dropout: the same seed gives the same weights
 * @param shuffle   whether to shuffle the training set each epoch
 * @param penalty   the explanation penalty, or null for plain training
 */
public record TrainingConfig(int epochs, int batchSize, long seed, boolean shuffle, ExplanationPenalty penalty) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }
}
