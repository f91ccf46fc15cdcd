package io.gradlens.app.task;

import java.util.concurrent.Executor;

/**
 * Runs {@link BackgroundWork} off the FX thread and delivers results on it. View models depend
 * on this interface so they can be unit-tested with a synchronous implementation.
 */
public interface TaskRunner {

  /**
   * Submits work.
   *
   * @param title short description shown in the status bar
   * @param work the computation
   * @param callbacks run on the UI thread when the work ends
   * @return a handle to cancel the work
   */
  <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskCallbacks<T> callbacks);

  /** @return executor that runs actions on the UI thread (for streaming partial results) */
  Executor uiExecutor();

  /** @return scheduler that runs actions on the UI thread after a delay (for throttling) */
  UiScheduler uiScheduler();

  /** @return observable state of the running tasks, for the status bar */
  TaskActivity activity();
}
