package io.gradlens.train;

import io.gradlens.util.WorkLimits;

/**
 * How to train.
 *
 * @param epochs    passes over the training set (≥ 1)
 * @param batchSize examples per step (1 to {@link WorkLimits#MAX_BATCH_SIZE})
 * @param seed      seeds shuffling and dropout: the same seed gives the same weights
 * @param shuffle   whether to shuffle the training set each epoch
 * @param penalty   the explanation penalty, or null for plain training
 */
public record TrainingConfig(int epochs, int batchSize, long seed, boolean shuffle, ExplanationPenalty penalty) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        WorkLimits.batchSize(batchSize, "batch size");
    }
}
