package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Extra warm-up runs follow the fixed ones until the compiler stayed quiet for three runs in a row, or the cap. */
class JitWarmupTest {

    @Test
    void runsUntilThreeRunsInARowCompileNoMoreThanTheSettledAmount() throws Exception {
        // compilation per run: 80, 50 (the two fixed warm-ups), then 20, 1, 30, 5, 1, 2, 0 ms:
        // the quiet run after 20 is followed by 30 (C2 again), so only the 7th to 9th runs settle it
        long[] perRun = {80, 50, 20, 1, 30, 5, 1, 2, 0, 90, 90};
        AtomicLong total = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        JitWarmup w = new JitWarmup(total::get, 20);
        int extra = w.warmUp(() -> total.addAndGet(perRun[runs.getAndIncrement()]), 2);
        assertEquals(7, extra);
        assertEquals(9, runs.get());
    }

    @Test
    void stopsAtTheCapWhileStillCompilingAndDoesNothingWithoutACap() throws Exception {
        AtomicLong total = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        BenchmarkSuite.Prepared compiling = () -> {
            runs.incrementAndGet();
            total.addAndGet(100);
        };
        assertEquals(3, new JitWarmup(total::get, 3).warmUp(compiling, 1));
        assertEquals(4, runs.get());
        assertEquals(0, new JitWarmup(total::get, 0).warmUp(compiling, 2));
        assertEquals(6, runs.get());
    }

    @Test
    void quietFixedWarmUpsCountTowardsSettling() throws Exception {
        long[] perRun = {100, 0, 0, 0, 100};
        AtomicLong total = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        assertEquals(2, new JitWarmup(total::get, 10).warmUp(() -> total.addAndGet(perRun[runs.getAndIncrement()]), 2));
        assertEquals(4, runs.get());
        long[] quiet = {0, 0, 0};
        AtomicInteger quietRuns = new AtomicInteger();
        assertEquals(0, new JitWarmup(total::get, 10).warmUp(() -> total.addAndGet(quiet[quietRuns.getAndIncrement()]), 3));
        assertEquals(3, quietRuns.get());
    }
}
