package io.gradlens.app.task;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;


/**
 * A unit of computation that runs off the FX thread.
 *
 * @param <T> result type
 */
@FunctionalInterface
public interface BackgroundWork<T> {

  /**
   * Computes the result. Must not touch JavaFX nodes.
   *
   * @param progress progress sink
   * @param cancel cancellation signal to poll
   * @return the result
   * @throws Exception on failure
   */
  T compute(ProgressListener progress, CancellationToken cancel) throws Exception;
}
