package io.gradlens.app.task;

import io.gradlens.util.CancellationToken;

import java.util.concurrent.Executor;

/**
 * Test double: runs work synchronously on the calling thread, so view models can be tested
 * without the FX toolkit.
 */
public final class ImmediateTaskRunner implements TaskRunner {

  private final TaskActivity activity = new TaskActivity();
  private int submitted;

  @Override
  public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskCallbacks<T> callbacks) {
    submitted++;
    CancellationToken token = new CancellationToken();
    TaskHandle handle = new TaskHandle() {
      @Override
      public void cancel() {
        token.cancel();
      }

      @Override
      public boolean isDone() {
        return true;
      }
    };
    activity.started(handle, title);
    try {
      T result = work.compute((d, t, m) -> { }, token);
      activity.finished(handle);
      if (!token.isCancelled()) {
        callbacks.onSuccess().accept(result);
      }
    } catch (CancellationToken.CancelledException e) {
      activity.finished(handle);
    } catch (Exception e) {
      activity.finished(handle);
      callbacks.onFailure().accept(e);
    } finally {
      callbacks.onFinally().run();
    }
    return handle;
  }

  /** @return number of submitted tasks */
  public int submitted() {
    return submitted;
  }

  @Override
  public Executor uiExecutor() {
    return Runnable::run;
  }

  @Override
  public UiScheduler uiScheduler() {
    return (delay, action) -> action.run();
  }

  @Override
  public TaskActivity activity() {
    return activity;
  }
}
