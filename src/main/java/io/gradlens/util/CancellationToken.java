package io.gradlens.util;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation: long computations call {@link #throwIfCancelled()} once per batch or
 * chunk, so a cancel takes effect within one unit of work.
 */
public final class CancellationToken {

    /** A token that is never cancelled. */
    public static final CancellationToken NONE = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        if (this != NONE) {
            cancelled.set(true);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} if {@link #cancel()} was called. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /** Thrown by a computation that stopped because it was cancelled. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled");
        }
    }
}
