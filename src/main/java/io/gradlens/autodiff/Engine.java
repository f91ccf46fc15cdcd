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
 * available processors. Environment variables read by the native libraries themselves
 * ({@code OMP_NUM_THREADS}, {@code OMP_WAIT_POLICY=passive}, {@code OPENBLAS_NUM_THREADS},
 * {@code OPENBLAS_CORETYPE}) only act if set before the JVM starts, i.e. by the launcher; they are
 * reported by {@link #describe()}. {@code OMP_NUM_THREADS=1} helped further in measurements, and
 * {@code OPENBLAS_CORETYPE=SkylakeX} (or {@code Haswell}) matters on virtual CPUs that OpenBLAS
 * cannot identify.
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
        for (String v : new String[] {"OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS",
            "OPENBLAS_CORETYPE"}) {
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
