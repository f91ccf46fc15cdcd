package io.gradlens.app.task;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Observable summary of running background tasks: the most recently started one is shown and can
 * be cancelled. Must be mutated on the UI thread only.
 */
public final class TaskActivity {

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Ready");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final List<Entry> running = new ArrayList<>();

  private static final class Entry {
    final TaskHandle handle;
    final String title;
    double progress = -1;
    String detail = "";

    Entry(TaskHandle handle, String title) {
      this.handle = handle;
      this.title = title;
    }
  }

  /** @return whether any task is running */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** @return status text: the current task's title and step, or "Ready" */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** @return progress of the current task in [0, 1], -1 when indeterminate, 0 when idle */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** @return number of running tasks */
  public int runningCount() {
    return running.size();
  }

  /** Cancels the task currently shown. */
  public void cancelCurrent() {
    if (!running.isEmpty()) {
      running.get(running.size() - 1).handle.cancel();
    }
  }

  void started(TaskHandle handle, String title) {
    running.add(new Entry(handle, title));
    refresh();
  }

  void progressed(TaskHandle handle, double fraction, String detail) {
    for (Entry e : running) {
      if (e.handle == handle) {
        e.progress = fraction;
        e.detail = detail == null ? "" : detail;
      }
    }
    refresh();
  }

  void finished(TaskHandle handle) {
    running.removeIf(e -> e.handle == handle);
    refresh();
  }

  private void refresh() {
    if (running.isEmpty()) {
      busy.set(false);
      message.set("Ready");
      progress.set(0);
      return;
    }
    Entry current = running.get(running.size() - 1);
    busy.set(true);
    message.set(current.detail.isEmpty() ? current.title : current.title + " \u2014 " + current.detail);
    progress.set(current.progress);
  }
}
