package io.gradlens.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * One background job at a time for a view model: starting a new one cancels the running one,
 * and only the newest job's result is delivered. Exposes busy and progress (0–1, or -1 while the
 * total is unknown) for a progress bar and a Cancel button in the view.
 */
public final class ExclusiveJob {

  private final TaskRunner runner;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private TaskHandle running;
  private long generation;

  /** @param runner runs the work off the FX thread */
  public ExclusiveJob(TaskRunner runner) {
    this.runner = runner;
  }

  /**
   * Cancels the running job, if any, and starts {@code work}.
   *
   * @param title shown in the status bar
   * @param onSuccess receives the result on the UI thread (not after a cancel or a newer start)
   * @param onFailure receives a failure on the UI thread (never a cancellation)
   */
  public <T> void start(String title, BackgroundWork<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    cancel();
    long mine = ++generation;
    busy.set(true);
    progress.set(-1);
    TaskHandle handle = runner.submit(title, (listener, cancel) -> work.compute((done, total, message) -> {
      listener.progress(done, total, message);
      double fraction = total > 0 ? (double) done / total : -1;
      runner.uiExecutor().execute(() -> {
        if (mine == generation) {
          progress.set(fraction);
        }
      });
    }, cancel), new TaskCallbacks<T>(result -> {
      if (mine == generation) {
        onSuccess.accept(result);
      }
    }, failure -> {
      if (mine == generation) {
        onFailure.accept(failure);
      }
    }, () -> {
      if (mine == generation) {
        busy.set(false);
        running = null;
      }
    }));
    if (mine == generation && busy.get()) {
      running = handle;
    }
  }

  /**
   * Cancels the running job; its callbacks do not run.
   *
   * @return whether a job was running
   */
  public boolean cancel() {
    if (running == null) {
      return false;
    }
    running.cancel();
    running = null;
    generation++;
    busy.set(false);
    return true;
  }

  /** @return whether a job is running */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** @return progress of the running job: 0–1, or -1 while its total is unknown */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }
}
