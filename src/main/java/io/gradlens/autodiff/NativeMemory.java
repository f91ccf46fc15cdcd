package io.gradlens.autodiff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps the native memory of ND4J arrays bounded.
 *
 * <p><b>Why.</b> ND4J 1.0.0-M2.1 (CPU) allocates each array's buffer off the Java heap, in libnd4j,
 * and frees it only after the garbage collector has found the array's Java wrapper unreachable.
 * The wrappers are a few hundred bytes, so a large heap fills slowly and is collected rarely while
 * the dead buffers behind it grow without bound: a benchmark suite run twice in one JVM
 * ({@code -Xmx6g}) was killed by the kernel at 24 GB resident. JavaCPP's own limits ({@code
 * org.bytedeco.javacpp.maxbytes}, {@code maxphysicalbytes}) do not see these buffers: they count
 * only memory JavaCPP allocates itself.
 *
 * <p><b>How.</b> Every {@link Tensor} reports its value's size; after each {@value #CHECK_BYTES}
 * bytes the resident size of the process is read ({@link Pointer#physicalBytes()}, about 2 µs).
 * When the resident size minus the Java heap in use exceeds the native budget, and at least a
 * quarter of the budget has been allocated since the last collection (so a legitimately large
 * working set does not cause a collection per check), a garbage collection is requested; ND4J's
 * deallocator then frees the buffers of the collected wrappers. Raw ND4J arrays made outside a
 * tensor are not counted: code that makes many (the hidden-state sweep, the representer refit)
 * closes them itself. Code that knows an array is dead should close it (see {@code
 * INDArray#close()}); this is the safety net for the rest.
 *
 * <p><b>The budget</b> is JavaCPP's {@link Pointer#maxBytes()} when the system property {@code
 * org.bytedeco.javacpp.maxbytes} is set (the launcher {@code bin/gradlens} sets it from {@code
 * GRADLENS_NATIVE_BUDGET}), otherwise {@value #DEFAULT_BUDGET_MB} MB, so the workbench and the tests
 * get the same bound as the command line ({@link #defaultBudget}). JavaCPP's own default, the
 * maximum heap size, is several GB on a desktop and let the 1,403-step hidden-state map peak at
 * 2 GB of native memory (docs/benchmarks.md, "Memory: the real peak").
 *
 * <p><b>The real peak.</b> {@link #peakResidentBytes()} is the process' high-water mark of resident
 * memory as the kernel counts it (heap, native buffers, the JVM and the libraries together), the
 * figure the commands report beside the budget.
 */
public final class NativeMemory {

    /** Bytes of tensors between two checks of the resident size. */
    public static final long CHECK_BYTES = 32L << 20;
    /** The budget in MB when {@code org.bytedeco.javacpp.maxbytes} is not set. */
    public static final int DEFAULT_BUDGET_MB = 512;
    /** The system property that sets the budget (JavaCPP's, which the launcher sets). */
    public static final String BUDGET_PROPERTY = "org.bytedeco.javacpp.maxbytes";

    private static final AtomicLong SINCE_CHECK = new AtomicLong();
    private static final AtomicLong SINCE_COLLECTION = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    private static volatile long budget = -1;

    private NativeMemory() {
    }

    /** Counts a new tensor's value (views are counted at their full length: an overestimate). */
    static void track(INDArray value) {
        long bytes = value.length() * value.dataType().width();
        if (SINCE_CHECK.addAndGet(bytes) >= CHECK_BYTES) {
            check();
        }
    }

    private static void check() {
        long allocated = SINCE_CHECK.getAndSet(0);
        long since = SINCE_COLLECTION.addAndGet(allocated);
        long limit = budget();
        if (since >= limit / 4 && nativeResidentBytes() > limit) {
            synchronized (NativeMemory.class) {
                if (SINCE_COLLECTION.get() >= limit / 4) {
                    SINCE_COLLECTION.set(0);
                    COLLECTIONS.incrementAndGet();
                    System.gc();
                }
            }
        }
    }

    /**
     * The native budget in bytes: JavaCPP's {@code maxbytes} when its property is set, otherwise
     * {@value #DEFAULT_BUDGET_MB} MB, unless {@link #setBudget} changed it.
     */
    public static long budget() {
        long b = budget;
        if (b < 0) {
            b = defaultBudget(System.getProperty(BUDGET_PROPERTY), Pointer.maxBytes());
            budget = b;
        }
        return b;
    }

    /**
     * The budget a process starts with: JavaCPP's parsed {@code maxbytes} when {@code property} (the
     * raw value of {@value #BUDGET_PROPERTY}) is set and JavaCPP parsed it to a positive size,
     * otherwise {@value #DEFAULT_BUDGET_MB} MB.
     *
     * @param property          the property's value, or null when unset
     * @param javacppMaxBytes   {@link Pointer#maxBytes()}, what JavaCPP made of it
     */
    static long defaultBudget(String property, long javacppMaxBytes) {
        if (property == null || property.isBlank() || javacppMaxBytes <= 0) {
            return (long) DEFAULT_BUDGET_MB << 20;
        }
        return Math.max(1L << 20, javacppMaxBytes);
    }

    /** Sets the native budget (bytes, at least 1 MB), e.g. for a memory-constrained session or a test. */
    public static void setBudget(long bytes) {
        if (bytes < (1L << 20)) {
            throw new IllegalArgumentException("the native memory budget must be at least 1 MB, got " + bytes
                    + " bytes");
        }
        budget = bytes;
    }

    /**
     * The resident size of the process minus the Java heap in use, in bytes: native buffers plus the
     * JVM's own memory and heap pages touched but free. (Subtracting the committed heap instead would
     * count committed pages that were never touched and so hide native memory.)
     */
    public static long nativeResidentBytes() {
        Runtime r = Runtime.getRuntime();
        return Pointer.physicalBytes() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * The process' peak resident set size in bytes (Linux {@code VmHWM} of {@code /proc/self/status}):
     * everything the process has held in memory at once, heap, native buffers and the JVM itself.
     * Where {@code /proc} is absent, the larger of the current resident size and the heap in use,
     * a lower bound.
     */
    public static long peakResidentBytes() {
        long hwm = ProcStatus.kilobytes(ProcStatus.SELF, "VmHWM");
        if (hwm >= 0) {
            return hwm << 10;
        }
        Runtime r = Runtime.getRuntime();
        return Math.max(Pointer.physicalBytes(), r.totalMemory() - r.freeMemory());
    }

    /**
     * What a command reports about memory: {@code peak_resident_bytes} ({@link #peakResidentBytes()}),
     * {@code native_budget_bytes} ({@link #budget()}), {@code heap_max_bytes} (the JVM's {@code -Xmx})
     * and {@code budget_collections}.
     */
    public static Map<String, Object> report() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peak_resident_bytes", peakResidentBytes());
        m.put("native_budget_bytes", budget());
        m.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        m.put("budget_collections", collections());
        return m;
    }

    /**
     * {@link #report()} as a map that reads the figures when it is first read rather than now: put
     * last in a JSON object, its peak includes the writing of everything before it (a T×T map's
     * JSON is tens of MB).
     */
    public static Map<String, Object> reportWhenRead() {
        return new java.util.AbstractMap<>() {
            private Map<String, Object> figures;

            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                if (figures == null) {
                    figures = report();
                }
                return figures.entrySet();
            }
        };
    }

    /** How many collections the budget has requested so far. */
    public static long collections() {
        return COLLECTIONS.get();
    }

    /** Budget, resident sizes and collections, for logs and benchmark reports. */
    public static Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("native_budget_mb", budget() >> 20);
        d.put("resident_mb", Pointer.physicalBytes() >> 20);
        d.put("native_resident_mb", nativeResidentBytes() >> 20);
        d.put("peak_resident_mb", peakResidentBytes() >> 20);
        d.put("budget_collections", collections());
        return d;
    }
}
