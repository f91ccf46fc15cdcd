package io.gradlens.app.task;

import io.gradlens.util.CancellationToken;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Test double: queues submitted work; the test completes it explicitly, in any order, to check
 * cancellation and stale-result handling without threads.
 */
public final class ManualTaskRunner implements TaskRunner {

  /** A queued task. */
  public final class Pending<T> implements TaskHandle {
    private final BackgroundWork<T> work;
    private final TaskCallbacks<T> callbacks;
    private final CancellationToken token = new CancellationToken();
    private boolean done;

    Pending(BackgroundWork<T> work, TaskCallbacks<T> callbacks) {
      this.work = work;
      this.callbacks = callbacks;
    }

    /** Runs the work now and delivers the result like the FX runner (nothing when cancelled). */
    public void complete() throws Exception {
      T result = work.compute((d, t, m) -> { }, token);
      done = true;
      if (!token.isCancelled()) {
        callbacks.onSuccess().accept(result);
      }
      callbacks.onFinally().run();
    }

    /** @return whether the task was cancelled */
    public boolean cancelled() {
      return token.isCancelled();
    }

    @Override
    public void cancel() {
      token.cancel();
    }

    @Override
    public boolean isDone() {
      return done;
    }
  }

  private final List<Pending<?>> pending = new ArrayList<>();
  private final TaskActivity activity = new TaskActivity();

  @Override
  public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskCallbacks<T> callbacks) {
    Pending<T> p = new Pending<>(work, callbacks);
    pending.add(p);
    return p;
  }

  /** @return submitted tasks in order */
  public List<Pending<?>> pending() {
    return pending;
  }

  @Override
  public Executor uiExecutor() {
    return Runnable::run;
  }

  @Override
  public UiScheduler uiScheduler() {
    return (d, a) -> a.run();
  }

  @Override
  public TaskActivity activity() {
    return activity;
  }
}
