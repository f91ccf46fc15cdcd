package io.gradlens.train;

/**
 * Training diverged: a batch's loss or a weight became non-finite (or a weight grew past
 * {@link Divergence#WEIGHT_BOUND}). It is bad input (the settings do not suit the data), so it
 * extends {@link IllegalArgumentException}: the command line prints its one-line message and exits
 * with code 2, and no model is saved.
 */
public final class TrainingDivergedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    /**
     * @param epoch   the epoch (from 1) in which the divergence was seen
     * @param batch   the batch (from 1) of that epoch
     * @param message the whole message: where, what value, and what to try
     */
    public TrainingDivergedException(int epoch, int batch, String message) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch (from 1) in which the divergence was seen. */
    public int epoch() {
        return epoch;
    }

    /** The batch (from 1) of that epoch. */
    public int batch() {
        return batch;
    }
}
