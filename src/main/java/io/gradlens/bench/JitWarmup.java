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
 * warm-up, not decay. After the fixed warm-ups this runs the workload again until the compiler
 * threads stayed quiet (at most {@value #SETTLED_MS} ms of CPU or 5 % of the run's time) for
 * {@value #SETTLED_RUNS} runs in a row, up to a given number of extra runs and {@value #MAX_MILLIS} ms. (The JVM's
 * {@link CompilationMXBean#getTotalCompilationTime()} counts finished compilations only and let
 * long C2 compilations run on into the timed runs; it is the fallback where {@code /proc} is absent.)
 */
final class JitWarmup {

    /** Compilation time per run at or below which the JIT counts as settled. */
    static final long SETTLED_MS = 2;
    /** Consecutive quiet runs after which the JIT counts as settled. */
    static final int SETTLED_RUNS = 3;
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
     * Runs {@code body} {@code fixedRuns} times, then again until {@value #SETTLED_RUNS} runs in a
     * row (fixed ones included) each compiled no more than {@value #SETTLED_MS} ms or 5 % of their
     * own time, at most {@code maxExtraRuns} extra runs and {@value #MAX_MILLIS} ms; returns the
     * runs beyond {@code fixedRuns}. One quiet run is not enough: measured on {@code mlp_epoch}
     * (docs/benchmarks.md, "Current run"), C2 paused for a run and then compiled through the timed
     * runs again.
     */
    int warmUp(BenchmarkSuite.Prepared body, int fixedRuns) throws Exception {
        int quietRuns = 0;
        for (int i = 0; i < fixedRuns; i++) {
            quietRuns = timedRun(body) ? quietRuns + 1 : 0;
        }
        long start = System.nanoTime();
        int extra = 0;
        while (quietRuns < SETTLED_RUNS && extra < maxExtraRuns
                && (System.nanoTime() - start) / 1_000_000L < MAX_MILLIS) {
            quietRuns = timedRun(body) ? quietRuns + 1 : 0;
            extra++;
        }
        return extra;
    }

    /** Runs {@code body} once; whether the compiler stayed quiet meanwhile (see {@link #warmUp}). */
    private boolean timedRun(BenchmarkSuite.Prepared body) throws Exception {
        long compiledBefore = compilationMillis.getAsLong();
        long t0 = System.nanoTime();
        body.run();
        long runMs = (System.nanoTime() - t0) / 1_000_000L;
        long compiled = compilationMillis.getAsLong() - compiledBefore;
        return compiled <= Math.max(SETTLED_MS, runMs / 20);
    }
}
