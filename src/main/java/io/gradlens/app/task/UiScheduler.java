package io.gradlens.app.task;

/** Runs actions on the UI thread, optionally after a delay. */
@FunctionalInterface
public interface UiScheduler {

  /**
   * Runs {@code action} on the UI thread after about {@code delayMillis} (0: as soon as
   * possible). Safe to call from any thread.
   */
  void schedule(long delayMillis, Runnable action);
}
