package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Extra warm-up runs follow the fixed ones while the compiler works, and stop when it stops or at the cap. */
class JitWarmupTest {

    @Test
    void runsUntilARunCompilesNoMoreThanTheSettledAmount() throws Exception {
        // compilation per run: 80, 50 (the two fixed warm-ups), then 20, 5, 1 ms: the fifth run is settled
        long[] perRun = {80, 50, 20, 5, 1, 1, 1};
        AtomicLong total = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        JitWarmup w = new JitWarmup(total::get, 10);
        int extra = w.warmUp(() -> total.addAndGet(perRun[runs.getAndIncrement()]), 2);
        assertEquals(3, extra);
        assertEquals(5, runs.get());
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
    void aLastFixedWarmUpThatCompiledNothingEndsTheWarmUp() throws Exception {
        long[] perRun = {100, 0};
        AtomicLong total = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        assertEquals(0, new JitWarmup(total::get, 10).warmUp(() -> total.addAndGet(perRun[runs.getAndIncrement()]), 2));
        assertEquals(2, runs.get());
    }
}
