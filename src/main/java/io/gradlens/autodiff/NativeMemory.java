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
 * deallocator then frees the buffers of the collected wrappers. The budget is JavaCPP's {@link
 * Pointer#maxBytes()}: the system property {@code org.bytedeco.javacpp.maxbytes} (the launchers
 * set it), by default the maximum heap size. Code that knows an array is dead should still close
 * it (see {@code INDArray#close()}); this is the safety net for the rest.
 */
public final class NativeMemory {

    /** Bytes of tensors between two checks of the resident size. */
    public static final long CHECK_BYTES = 32L << 20;

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

    /** The native budget in bytes: JavaCPP's {@code maxbytes} unless {@link #setBudget} changed it. */
    public static long budget() {
        long b = budget;
        if (b < 0) {
            b = Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
            budget = b;
        }
        return b;
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
        d.put("budget_collections", collections());
        return d;
    }
}
