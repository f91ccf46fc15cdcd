package io.gradlens.app.task;

/** Handle of a submitted background task. */
public interface TaskHandle {

  /** Asks the task to stop; its success callback will not run afterwards. Idempotent. */
  void cancel();

  /** @return whether the task has finished (succeeded, failed or was cancelled) */
  boolean isDone();
}
