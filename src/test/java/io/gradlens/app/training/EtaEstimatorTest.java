package io.gradlens.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EtaEstimatorTest {

  @Test
  void linearExtrapolation() {
    AtomicLong now = new AtomicLong(1_000);
    EtaEstimator eta = new EtaEstimator(now::get);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertEquals(Duration.ofSeconds(30), eta.remaining(0.25).orElseThrow());
    assertEquals(Duration.ZERO, eta.remaining(1).orElseThrow());
    assertTrue(eta.remaining(0).isEmpty());
    assertTrue(eta.remaining(Double.NaN).isEmpty());
  }

  @Test
  void formats() {
    assertEquals("1:05", EtaEstimator.format(Duration.ofSeconds(65)));
    assertEquals("1:01:01", EtaEstimator.format(Duration.ofSeconds(3661)));
  }
}
