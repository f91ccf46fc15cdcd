package io.gradlens.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers to read state on the FX thread and wait for conditions. */
final class Fx {

  private Fx() {
  }

  /** @return {@code read} evaluated on the FX thread */
  static <T> T get(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("FX read failed", e);
    }
  }

  /** Waits (up to {@code seconds}) until {@code condition}, evaluated on the FX thread, holds. */
  static void waitUntil(int seconds, String what, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> get(condition));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Timed out waiting for: " + what, e);
    }
  }
}
