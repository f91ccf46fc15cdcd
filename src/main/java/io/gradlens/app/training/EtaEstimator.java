package io.gradlens.app.training;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Estimates remaining time from elapsed time and fraction done (linear extrapolation). */
public final class EtaEstimator {

  private final LongSupplier nanoClock;
  private long startNanos;

  /** @param nanoClock monotonic clock in nanoseconds, e.g. {@code System::nanoTime} */
  public EtaEstimator(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    start();
  }

  /** Restarts the clock. */
  public void start() {
    startNanos = nanoClock.getAsLong();
  }

  /** @return remaining time, or empty when {@code fraction} is not in (0, 1] */
  public Optional<Duration> remaining(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      return Optional.empty();
    }
    long elapsed = nanoClock.getAsLong() - startNanos;
    return Optional.of(Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction)));
  }

  /** @return "m:ss" or "h:mm:ss" */
  public static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
