package io.gradlens.app.task;

import io.gradlens.util.CancellationToken;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * {@link TaskRunner} backed by {@link javafx.concurrent.Task} on one shared pool of daemon
 * threads. Cancellation sets the work's {@link io.gradlens.util.CancellationToken} and
 * cancels the FX task so no late result reaches the UI.
 */
public final class FxTaskRunner implements TaskRunner {

  private static final int MAX_THREADS = 4;
  private static final ExecutorService SHARED = createPool();

  private final ExecutorService executor;
  private final TaskActivity activity = new TaskActivity();

  /** Creates a runner on the application-wide shared executor. */
  public FxTaskRunner() {
    this(SHARED);
  }

  /** Creates a runner on a given executor (tests). */
  public FxTaskRunner(ExecutorService executor) {
    this.executor = executor;
  }

  private static ExecutorService createPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "gradlens-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskCallbacks<T> callbacks) {
    CancellationToken token = new CancellationToken();
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        updateProgress(-1, 1);
        return work.compute((done, total, message) -> {
          if (total > 0) {
            updateProgress(done, total);
          }
          if (message != null) {
            updateMessage(message);
          }
        }, token);
      }
    };
    TaskHandle handle = new TaskHandle() {
      @Override
      public void cancel() {
        token.cancel();
        task.cancel(false);
      }

      @Override
      public boolean isDone() {
        return task.isDone();
      }
    };
    task.progressProperty().addListener((o, a, b) ->
        activity.progressed(handle, task.getProgress(), task.getMessage()));
    task.messageProperty().addListener((o, a, b) ->
        activity.progressed(handle, task.getProgress(), task.getMessage()));
    task.setOnSucceeded(e -> {
      activity.finished(handle);
      try {
        callbacks.onSuccess().accept(task.getValue());
      } finally {
        callbacks.onFinally().run();
      }
    });
    task.setOnFailed(e -> {
      activity.finished(handle);
      try {
        Throwable error = task.getException();
        if (!(error instanceof CancellationToken.CancelledException)) {
          callbacks.onFailure().accept(error);
        }
      } finally {
        callbacks.onFinally().run();
      }
    });
    task.setOnCancelled(e -> {
      activity.finished(handle);
      callbacks.onFinally().run();
    });
    runOnFx(() -> activity.started(handle, title));
    executor.execute(task);
    return handle;
  }

  private static void runOnFx(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  @Override
  public Executor uiExecutor() {
    return FxTaskRunner::runOnFx;
  }

  @Override
  public UiScheduler uiScheduler() {
    return (delayMillis, action) -> runOnFx(() -> {
      if (delayMillis <= 0) {
        action.run();
        return;
      }
      PauseTransition pause = new PauseTransition(Duration.millis(delayMillis));
      pause.setOnFinished(e -> action.run());
      pause.play();
    });
  }

  @Override
  public TaskActivity activity() {
    return activity;
  }
}
