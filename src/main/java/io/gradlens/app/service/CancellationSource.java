package io.gradlens.app.service;

/** A {@link CancellationToken} whose owner can cancel it; thread-safe and idempotent. */
public final class CancellationSource implements CancellationToken {

  private volatile boolean cancelled;

  /** Requests cancellation. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
