package io.gradlens.app.task;

import java.util.function.Consumer;

/**
 * What to do on the FX thread when background work ends. Cancellation calls neither callback.
 *
 * @param <T> result type
 * @param onSuccess receives the result
 * @param onFailure receives the failure (never a cancellation)
 * @param onFinally runs after either outcome and after cancellation
 */
public record TaskCallbacks<T>(
    Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure, Runnable onFinally) {

  /** @return callbacks without a finally action */
  public static <T> TaskCallbacks<T> of(
      Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    return new TaskCallbacks<>(onSuccess, onFailure, () -> { });
  }
}
