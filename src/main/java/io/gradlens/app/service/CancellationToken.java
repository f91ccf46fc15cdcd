package io.gradlens.app.service;

/**
 * Cooperative cancellation signal that core code polls, typically once per batch or step.
 */
@FunctionalInterface
public interface CancellationToken {

  /** A token that is never cancelled. */
  CancellationToken NEVER = () -> false;

  /** @return whether the caller asked to stop the computation */
  boolean isCancelled();

  /**
   * Throws {@link CancelledException} if cancellation was requested.
   *
   * @throws CancelledException when {@link #isCancelled()} is true
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
