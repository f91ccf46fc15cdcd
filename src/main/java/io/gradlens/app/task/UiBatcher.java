package io.gradlens.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Coalesces items produced on a worker thread into batches delivered on the UI thread, so a fast
 * producer (e.g. per-batch training metrics) cannot flood the FX event queue: at most one drain is
 * pending at any time.
 *
 * @param <T> item type
 */
public final class UiBatcher<T> {

  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Executor ui;
  private final Consumer<List<T>> sink;

  /**
   * @param ui executor running on the UI thread
   * @param sink receives non-empty batches in production order, on the UI thread
   */
  public UiBatcher(Executor ui, Consumer<List<T>> sink) {
    this.ui = ui;
    this.sink = sink;
  }

  /** Enqueues an item; safe from any thread. */
  public void add(T item) {
    queue.add(item);
    if (scheduled.compareAndSet(false, true)) {
      ui.execute(this::drain);
    }
  }

  private void drain() {
    scheduled.set(false);
    List<T> batch = new ArrayList<>();
    T item;
    while ((item = queue.poll()) != null) {
      batch.add(item);
    }
    if (!batch.isEmpty()) {
      sink.accept(batch);
    }
  }
}
