package io.gradlens.autodiff;

import java.lang.reflect.Method;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.concurrency.BasicAffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Host access to the memory of ND4J arrays for the fused kernels ({@link LstmKernel}, {@link
 * LstmCellKernel}, {@link WindowKernels}, the Adam update of {@code io.gradlens.train}), and the
 * policy of when those kernels may run at all.
 *
 * <p><b>Element access.</b> An instance reads and writes, in double precision, the values of one
 * c-ordered float32 or float64 array: what the recurrent kernels use to run their elementwise
 * arithmetic as Java loops instead of one native call per term.
 *
 * <p><b>Host and device copies.</b> On the CPU backend an array has one copy of its values. On the
 * CUDA backend it has two, in device and in host memory, and ND4J's allocator records which one
 * was written last. A Java loop sees only the host copy, so every host access follows two rules,
 * kept here and nowhere else:
 * <ol>
 *   <li>before reading, {@link #toHost} ({@code AffinityManager.ensureLocation(a, HOST)}): waits for
 *       the device work queued on {@code a} and copies device → host where the device copy is newer
 *       (allocating the host copy on first use);</li>
 *   <li>after writing, {@link #hostWritten} ({@code AffinityManager.tagLocation(a, HOST)}): records
 *       the host copy as the newer one, so the next native operation on {@code a} copies host →
 *       device before it runs.</li>
 * </ol>
 * A kernel that interleaves native operations with host loops on one array calls {@link
 * #refresh()} after each native operation and {@link #written()} after each loop. On the CPU
 * backend both AffinityManager calls are empty methods of ND4J's {@code BasicAffinityManager}.
 *
 * <p><b>Policy.</b> {@link #hostKernelsAllowed()} says whether a fused kernel may run; when it says
 * no, each kernel computes the same values with ND4J operations (its reference path). The system
 * property {@value #FUSED_KERNELS_PROPERTY}{@code =false} forces the reference paths everywhere.
 */
public abstract class ArrayAccess {

    /** Set to {@code false} to make every fused kernel take its reference path of ND4J operations. */
    public static final String FUSED_KERNELS_PROPERTY = "gradlens.fusedKernels";

    /** Whether the backend keeps one copy of each array (CPU) or tracks host writes (CUDA). */
    private static final boolean HOST_COPY_SAFE = Nd4j.getEnvironment().isCPU()
            || tracksHostWrites(Nd4j.getAffinityManager());

    /**
     * The two synchronisation calls, as one seam: ND4J's {@code AffinityManager} in use, a recorder
     * in the tests that check every kernel makes them (on the CPU backend, where they do nothing).
     */
    interface HostSync {
        /** Rule 1 of the class comment for one array. */
        void toHost(INDArray a);

        /** Rule 2 of the class comment for one array. */
        void hostWritten(INDArray a);
    }

    /** The synchronisation of ND4J's active backend. */
    static final HostSync ND4J_SYNC = new HostSync() {
        @Override
        public void toHost(INDArray a) {
            Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
        }

        @Override
        public void hostWritten(INDArray a) {
            Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
        }
    };

    /** Not volatile: replaced only by single-threaded tests, around the calls they record. */
    private static HostSync sync = ND4J_SYNC;

    private final INDArray array;

    private ArrayAccess(INDArray array) {
        this.array = array;
    }

    /**
     * Whether fused host kernels may run: unless {@value #FUSED_KERNELS_PROPERTY} is {@code false},
     * always on the CPU backend, and on a device backend only where ND4J tracks host writes (the
     * synchronisation of the class comment is then in effect). Read on every call, so a test or a
     * session can switch it.
     */
    public static boolean hostKernelsAllowed() {
        return HOST_COPY_SAFE && !"false".equalsIgnoreCase(System.getProperty(FUSED_KERNELS_PROPERTY));
    }

    /** Makes the host copy of each array current before a host read (rule 1 of the class comment). */
    public static void toHost(INDArray... arrays) {
        for (INDArray a : arrays) {
            sync.toHost(a);
        }
    }

    /** Records each array's host copy as the newest after a host write (rule 2 of the class comment). */
    public static void hostWritten(INDArray... arrays) {
        for (INDArray a : arrays) {
            sync.hostWritten(a);
        }
    }

    /** Installs {@code replacement} (a test's recorder) and returns the one it replaces. */
    static HostSync replaceSync(HostSync replacement) {
        HostSync before = sync;
        sync = replacement;
        return before;
    }

    /**
     * The current host values of the float32 array {@code a}, in the order of its buffer. Call
     * {@link #hostWritten} after writing into them. The buffer does not keep {@code a} alive.
     */
    public static FloatBuffer hostFloats(INDArray a) {
        toHost(a);
        return a.data().asNioFloat();
    }

    /** The float64 counterpart of {@link #hostFloats}. */
    public static DoubleBuffer hostDoubles(INDArray a) {
        toHost(a);
        return a.data().asNioDouble();
    }

    /** {@link #hostFloats} or {@link #hostDoubles}, by the type of {@code a}. */
    static Buffer hostValues(INDArray a) {
        return a.dataType() == DataType.DOUBLE ? hostDoubles(a) : hostFloats(a);
    }

    /** The values of any array in c order, as doubles read from its current host copy. */
    static double[] hostCopy(INDArray a) {
        INDArray c = a.dup('c');
        toHost(c);
        return c.data().asDouble();
    }

    abstract double get(int i);

    /** Stores {@code v} (rounded to the array's type) and returns the stored value. */
    abstract double set(int i, double v);

    /** Makes the host copy current again after a native operation wrote the array. */
    final void refresh() {
        toHost(array);
    }

    /** Records host writes made through {@link #set}, before a native operation reads the array. */
    final void written() {
        hostWritten(array);
    }

    /**
     * Access to {@code a}, which must own its memory in c order (an array the caller created), with
     * its host copy made current.
     */
    static ArrayAccess of(INDArray a) {
        if (a.isView() || a.ordering() != 'c' || a.offset() != 0) {
            throw new IllegalStateException("fused recurrent kernels need their own c-ordered arrays");
        }
        toHost(a);
        ByteBuffer bytes = a.data().asNio().order(ByteOrder.nativeOrder());
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer d = bytes.asDoubleBuffer();
            return new ArrayAccess(a) {
                @Override
                double get(int i) {
                    return d.get(i);
                }

                @Override
                double set(int i, double v) {
                    d.put(i, v);
                    return v;
                }
            };
        }
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer f = bytes.asFloatBuffer();
            return new ArrayAccess(a) {
                @Override
                double get(int i) {
                    return f.get(i);
                }

                @Override
                double set(int i, double v) {
                    float x = (float) v;
                    f.put(i, x);
                    return x;
                }
            };
        }
        throw new IllegalArgumentException("fused recurrent kernels support float32 and float64, got " + a.dataType());
    }

    /** Read access to any array: {@code a} itself where it owns its memory in c order, else a c-ordered copy. */
    static ArrayAccess reading(INDArray a) {
        boolean own = !a.isView() && a.ordering() == 'c' && a.offset() == 0;
        return of(own ? a : a.dup('c'));
    }

    /**
     * Whether {@code affinity} implements {@code tagLocation} itself: ND4J's {@code
     * BasicAffinityManager} leaves it empty, which is right only where host and device memory are one.
     */
    private static boolean tracksHostWrites(AffinityManager affinity) {
        try {
            Method tag = affinity.getClass().getMethod("tagLocation", INDArray.class, AffinityManager.Location.class);
            return tag.getDeclaringClass() != BasicAffinityManager.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
