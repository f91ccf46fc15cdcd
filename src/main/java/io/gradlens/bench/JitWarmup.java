package io.gradlens.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Extra untimed warm-up runs until the JIT compiler stops working on a workload.
 *
 * <p>Why: the suite's warm-up counts are shared with the PyTorch peer, which has no JIT. Measured
 * with per-thread CPU time (docs/benchmarks.md, "2026-12-04 — steady speed"), the C2 compiler still
 * used as much CPU as the main thread during the first round's timed runs of {@code saliency_b1}
 * (5 warm-ups), and sometimes in the second round too; on a 2-core machine it competes with the
 * work, so the first round of a short workload reads slower than the later ones: drift that is
 * warm-up, not decay. After the fixed warm-ups this runs the workload again while the compiler
 * threads used, during the last run, more than {@value #SETTLED_MS} ms of CPU and more than 5 % of
 * the run's time, up to a given number of extra runs and {@value #MAX_MILLIS} ms. (The JVM's
 * {@link CompilationMXBean#getTotalCompilationTime()} counts finished compilations only and let
 * long C2 compilations run on into the timed runs; it is the fallback where {@code /proc} is absent.)
 */
final class JitWarmup {

    /** Compilation time per run at or below which the JIT counts as settled. */
    static final long SETTLED_MS = 2;
    /** The most time spent in extra warm-up runs. */
    static final long MAX_MILLIS = 15_000;

    private final LongSupplier compilationMillis;
    private final int maxExtraRuns;

    /**
     * Against the running JVM's compiler: the CPU time of its compiler threads where {@code /proc}
     * shows them (compilations in progress count, not only finished ones), else the JVM's total
     * compilation time, else none (no extra runs).
     */
    static JitWarmup forThisJvm(int maxExtraRuns) {
        if (compilerThreadMillis() >= 0) {
            return new JitWarmup(JitWarmup::compilerThreadMillis, maxExtraRuns);
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return new JitWarmup(() -> 0L, 0);
        }
        return new JitWarmup(jit::getTotalCompilationTime, maxExtraRuns);
    }

    /** CPU ms of the threads named {@code C1/C2 CompilerThre…}, or -1 where none is visible. */
    static long compilerThreadMillis() {
        CpuUsage now = CpuUsage.now();
        long nanos = 0;
        boolean seen = false;
        for (var e : now.threadNames().entrySet()) {
            if (e.getValue().contains("CompilerThre")) {
                nanos += now.threadNanos().getOrDefault(e.getKey(), 0L);
                seen = true;
            }
        }
        return seen ? nanos / 1_000_000L : -1;
    }

    JitWarmup(LongSupplier compilationMillis, int maxExtraRuns) {
        this.compilationMillis = compilationMillis;
        this.maxExtraRuns = maxExtraRuns;
    }

    /**
     * Runs {@code body} {@code fixedRuns} times, then again while the previous run compiled more than
     * {@value #SETTLED_MS} ms (see the class comment); returns the runs beyond {@code fixedRuns}. A
     * long workload whose last fixed warm-up compiled little gets no extra run.
     */
    int warmUp(BenchmarkSuite.Prepared body, int fixedRuns) throws Exception {
        long before = compilationMillis.getAsLong();
        for (int i = 0; i < fixedRuns; i++) {
            before = compilationMillis.getAsLong();
            body.run();
        }
        long start = System.nanoTime();
        long runStart = start;
        int extra = 0;
        long now = compilationMillis.getAsLong();
        long lastRunMs = 0;
        while (now - before > Math.max(SETTLED_MS, lastRunMs / 20) && extra < maxExtraRuns
                && (System.nanoTime() - start) / 1_000_000L < MAX_MILLIS) {
            before = now;
            runStart = System.nanoTime();
            body.run();
            lastRunMs = (System.nanoTime() - runStart) / 1_000_000L;
            extra++;
            now = compilationMillis.getAsLong();
        }
        return extra;
    }
}
