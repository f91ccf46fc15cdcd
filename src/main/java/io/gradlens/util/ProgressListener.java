package io.gradlens.util;

/** Receives progress of a long computation, from any thread. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units finished
     * @param total   units in all (0 when unknown)
     * @param message what is being done, for a status line
     */
    void progress(long done, long total, String message);
}
