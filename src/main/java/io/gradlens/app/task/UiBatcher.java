package io.gradlens.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Coalesces items produced on a worker thread into batches delivered on the UI thread, so a fast
 * producer (e.g. per-batch training metrics) cannot flood the FX thread: at most one delivery is
 * pending at any time, and deliveries are at least {@code minIntervalMillis} apart.
 *
 * @param <T> item type
 */
public final class UiBatcher<T> {

  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final UiScheduler ui;
  private final Consumer<List<T>> sink;
  private final long minIntervalMillis;
  private final LongSupplier clockMillis;
  private volatile long lastDelivery = Long.MIN_VALUE / 2;

  /**
   * @param ui schedules actions on the UI thread
   * @param sink receives non-empty batches in production order, on the UI thread
   * @param minIntervalMillis minimum time between two deliveries
   * @param clockMillis monotonic clock in milliseconds
   */
  public UiBatcher(UiScheduler ui, Consumer<List<T>> sink, long minIntervalMillis,
      LongSupplier clockMillis) {
    this.ui = ui;
    this.sink = sink;
    this.minIntervalMillis = minIntervalMillis;
    this.clockMillis = clockMillis;
  }

  /** Enqueues an item; safe from any thread. */
  public void add(T item) {
    queue.add(item);
    if (scheduled.compareAndSet(false, true)) {
      long wait = Math.max(0, lastDelivery + minIntervalMillis - clockMillis.getAsLong());
      ui.schedule(wait, this::drain);
    }
  }

  /** Delivers everything queued now (UI thread), e.g. before reporting that the producer ended. */
  public void drainNow() {
    drain();
  }

  private void drain() {
    lastDelivery = clockMillis.getAsLong();
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
