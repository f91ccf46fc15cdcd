package io.gradlens.autodiff;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place where GradLens configures the ND4J engine it computes with, and a cheap,
 * load-independent counter of executed operations.
 *
 * <p><b>Threads.</b> ND4J's CPU backend runs elementwise, reduction and most custom ops on
 * libnd4j's own OpenMP thread pool and matrix products in OpenBLAS, which has a second pool. On a
 * small or shared machine, waking a pool for an op of a few thousand elements costs far more than
 * the op: each parallel region waits for its slowest, possibly descheduled, thread. Measured on the
 * 2-core development machine under load (docs/benchmarks.md): with libnd4j at 2 threads a
 * 50-step LSTM training step took 10–20× longer than with libnd4j at 1 thread, whatever
 * OpenBLAS' setting, and raising libnd4j's per-thread thresholds did not avoid it. So
 * {@link #configure(int)} with {@code n} threads:
 * <ul>
 *   <li>sets libnd4j's {@code maxMasterThreads} and {@code maxThreads} ({@link
 *       Environment#setMaxMasterThreads}) to {@code gradlens.nd4jThreads} (system property),
 *       default <b>1</b>: GradLens' per-step tensors are small, and its large work is matrix
 *       products. (Observed with 1.0.0-M2.1: {@code maxThreads} keeps reporting the core count
 *       whatever is set; {@code maxMasterThreads} is the setting that takes effect, and the one
 *       the measurements above changed.)</li>
 *   <li>raises libnd4j's {@code elementwiseThreshold} to {@value #ELEMENTWISE_THRESHOLD} and
 *       {@code tadThreshold} to {@value #TAD_THRESHOLD}, so that when more libnd4j threads are
 *       allowed only large ops go parallel;</li>
 *   <li>sets OpenBLAS' thread count ({@code Nd4j.factory().blas().setMaxThreads}) to {@code n}
 *       (or the property {@code gradlens.blasThreads}), so large matrix products may use every
 *       allowed core.</li>
 * </ul>
 * {@code n} comes from, in order: the argument of {@link #configure(int)}, the system property
 * {@code gradlens.threads}, the environment variable {@code GRADLENS_THREADS}, else the number of
 * available processors.
 *
 * <p><b>Idle threads must sleep, not spin.</b> Both native pools busy-wait once their work is
 * done: libnd4j's OpenMP runtime (GNU libgomp, bundled with nd4j-native) spins for
 * {@code GOMP_SPINCOUNT} iterations before it sleeps, and OpenBLAS' pthread workers (the javacpp
 * build is not an OpenMP one) spin with {@code sched_yield} for 2<sup>{@code OPENBLAS_THREAD_TIMEOUT}</sup>
 * cycles, 2<sup>28</sup> ≈ 0.1 s by default, after every threaded call. A GradLens step makes
 * hundreds of small calls, so these spinners hardly ever sleep. Measured with the CPU time of each
 * thread ({@code /proc/self/task/}*{@code /schedstat}, which other processes' load changes far less
 * than wall time; docs/benchmarks.md, "2026-12-04 — steady speed"): in a 200 ms pause after a
 * workload the OpenBLAS worker still burnt 8–40 ms (on a loaded machine that gave the process about
 * 0.4 cores), 1–6 ms with {@code OPENBLAS_THREAD_TIMEOUT=4} and {@code OMP_WAIT_POLICY=passive};
 * with them a warm {@code saliency_b1} run took 41–61 ms of process CPU instead of 57–72 ms
 * (interleaved fresh JVMs), its main thread no more (23–27 ms). When the machine was lighter
 * (about one core free) the OpenBLAS worker spun 40–100 ms of every 200 ms pause, a whole core,
 * against 1–5 ms, and a warm {@code saliency_b1} ran in 25–29 ms instead of 35–48 ms. A 2048² GEMM
 * took the same CPU time either way.
 * On a 2-core machine shared with anything else (the JIT, the collector, the user's other programs)
 * a spinning thread's core is taken from the
 * work. The native libraries read these variables only when they load, before any Java code can
 * act, so the launcher {@code bin/gradlens} sets both (unless already set) and {@link #describe()}
 * reports them; an application started otherwise should set them too.
 *
 * <p><b>Not a cause of in-process decay.</b> The same measurement showed no decay of the work
 * itself within a process: a 2048² GEMM took the same CPU time (≈ 0.2 s of two threads) fresh and
 * after the other workloads, in any order; its wall time followed the cores other processes held
 * while it ran, which every benchmark record now reports ({@code other_busy_cores_during}).
 *
 * <p>{@link Tensor} calls {@link #configure()} when it is first used, so every entry point
 * (application, CLI, tests) runs with these settings.
 *
 * <p>{@link #configure()} is idempotent: the first call configures, later calls without an explicit
 * count do nothing; {@link #configure(int)} always applies the given count.
 */
public final class Engine {

    /** Elements per thread below which libnd4j runs an elementwise op on one thread. */
    public static final int ELEMENTWISE_THRESHOLD = 1 << 17;
    /** Tensors-along-dimension per thread below which reductions run on one thread. */
    public static final int TAD_THRESHOLD = 64;

    /**
     * The environment variables the native libraries read when they load, which only a launcher can
     * set (see the class comment); {@link #describe()} reports each, or {@code unset}.
     */
    public static final java.util.List<String> LAUNCHER_VARIABLES = java.util.List.of("OMP_NUM_THREADS",
            "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "OPENBLAS_NUM_THREADS", "OPENBLAS_THREAD_TIMEOUT",
            "OPENBLAS_CORETYPE", "MALLOC_MMAP_THRESHOLD_");

    private static volatile boolean configured;
    private static volatile int threads;
    private static long ops;

    private Engine() {
    }

    /** Configures once with the default thread count (see the class comment). */
    public static void configure() {
        if (configured) {
            return;
        }
        synchronized (Engine.class) {
            if (!configured) {
                configure(defaultThreads());
            }
        }
    }

    /** Configures ND4J and OpenBLAS for {@code n} threads (n ≥ 1). */
    public static synchronized void configure(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + n);
        }
        Environment env = Nd4j.getEnvironment();
        int nd4j = Math.max(1, Integer.getInteger("gradlens.nd4jThreads", 1));
        // libnd4j refuses maxThreads below maxMasterThreads: lower the master count first.
        env.setMaxMasterThreads(nd4j);
        env.setMaxThreads(nd4j);
        env.setElementwiseThreshold(ELEMENTWISE_THRESHOLD);
        env.setTadThreshold(TAD_THRESHOLD);
        try {
            Nd4j.factory().blas().setMaxThreads(Integer.getInteger("gradlens.blasThreads", n));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // A backend without a settable BLAS thread count (e.g. CUDA) keeps its own setting.
        }
        threads = n;
        configured = true;
    }

    /** The thread count asked for by property, environment, or the processor count. */
    public static int defaultThreads() {
        String s = System.getProperty("gradlens.threads");
        if (s == null || s.isBlank()) {
            s = System.getenv("GRADLENS_THREADS");
        }
        if (s != null && !s.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                // fall through to the processor count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The configured thread count, or 0 before {@link #configure}. */
    public static int threads() {
        return threads;
    }

    /** The current engine settings, for logs and benchmark reports. */
    public static Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        Environment env = Nd4j.getEnvironment();
        d.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        d.put("nd4j_max_threads", env.maxThreads());
        d.put("nd4j_max_master_threads", env.maxMasterThreads());
        d.put("nd4j_elementwise_threshold", env.elementwiseThreshold());
        d.put("nd4j_tad_threshold", env.tadThreshold());
        try {
            d.put("blas_max_threads", Nd4j.factory().blas().getMaxThreads());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            d.put("blas_max_threads", "unknown");
        }
        for (String v : LAUNCHER_VARIABLES) {
            String value = System.getenv(v);
            d.put(v.toLowerCase(Locale.ROOT), value == null ? "unset" : value);
        }
        return d;
    }

    /**
     * The number of operation results created so far on any thread (each is one or a few ND4J
     * calls). Approximate under concurrency; meant for single-threaded benchmarks and tests.
     */
    public static long operations() {
        return ops;
    }

    static void countOperation() {
        ops++;
    }
}
