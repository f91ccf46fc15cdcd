package io.gradlens.util;

/**
 * Caps on how much work one request may ask for, checked at the door with a message that names the
 * option and the cap (an {@link IllegalArgumentException}: exit code 2 on the command line, a dialog
 * in the workbench). Unlike the readers' limits ({@code gradlens.limit.*}) these are fixed: they lie
 * far past any useful setting and only stop a typo (such as {@code --batch-size 134217728}) from
 * overflowing sizes or filling memory. Listed in {@code docs/limits.md} ("Work-size limits").
 */
public final class WorkLimits {

    /**
     * Examples per batch (training, attribution). 65 536 is past any batch that fits memory for the
     * built-in models, and keeps {@code batch × window} products (attribution sorts windows of
     * 32 batches by length) well inside {@code int}.
     */
    public static final int MAX_BATCH_SIZE = 65_536;

    private WorkLimits() {
    }

    /**
     * Checks a batch size.
     *
     * @param option the setting's name in the message, e.g. {@code --batch-size}
     * @return {@code batchSize}
     * @throws IllegalArgumentException when it is below 1 or past {@link #MAX_BATCH_SIZE}
     */
    public static int batchSize(int batchSize, String option) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + batchSize);
        }
        if (batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(option + " " + batchSize + " is past the cap of " + MAX_BATCH_SIZE
                    + " examples per batch; use a smaller batch (the whole dataset need not fit in one)");
        }
        return batchSize;
    }
}
