package io.gradlens.app.service;

/**
 * Receives progress reports from long-running core code. Implementations must be thread-safe:
 * the core calls them from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores every report. */
  ProgressListener NONE = (done, total, message) -> { };

  /**
   * Reports progress.
   *
   * @param done units of work finished so far
   * @param total total units of work, or a value {@code <= 0} when unknown
   * @param message short human-readable description of the current step (may be empty)
   */
  void progress(long done, long total, String message);
}
