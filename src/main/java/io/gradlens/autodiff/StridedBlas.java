package io.gradlens.autodiff;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products and row copies on row-major blocks inside the buffers of c-ordered arrays, each
 * block addressed the way BLAS addresses it: an element offset and a leading dimension (the
 * distance between rows). {@link LstmKernel} uses it for the recurrent product of every time step,
 * whose operands are the step's rows of [B, T, ·] arrays (row stride T·width), and to move those
 * rows to and from a contiguous scratch array that native activations run on without a view.
 *
 * <p><b>Why.</b> {@code Nd4j.gemm} runs libnd4j's {@code Mmul} custom op: an op object, an op
 * context and shape checks per call, plus a view array per operand. For the [32, 128] × [128, 512]
 * product of one LSTM step that fixed cost was of the order of the product itself (measured,
 * docs/benchmarks.md, 2026-12-04 section: 200 steps took about twice as long through
 * {@code Nd4j.gemm} on slices as through {@code cblas_sgemm} on the same memory). On the CPU
 * backend this class calls the {@code cblas_?gemm} of the OpenBLAS library ND4J itself loads
 * ({@code openblas_nolapack}, the one its {@code CpuLevel3} calls, so the thread setting of
 * {@link Engine} applies). That class exists only in the CPU build (the {@code -Dcuda} build has
 * no OpenBLAS), so it is bound by name at run time ({@link Cblas}); on any other backend, or
 * without it, this class builds strided views and uses ND4J operations.
 *
 * <p><b>Host synchronisation.</b> A CBLAS call reads and writes host memory, which ND4J does not
 * see: on host BLAS it brings every operand to the host first and marks the written one
 * host-written afterwards ({@link ArrayAccess#toHost}, {@link ArrayAccess#hostWritten}), the rules
 * of {@link ArrayAccess} (no-ops on the CPU backend, the only one where host BLAS is bound). Either
 * way a caller treats a call here like a native operation: it marks what its Java loops wrote
 * before the call and refreshes what it reads after. The destination is prepared as well, since a
 * block is only part of its array and the rest must not be overwritten by a stale host copy.
 */
final class StridedBlas {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    /**
     * Set to {@code false} (read once, when the class loads) to take the ND4J fallback on the CPU
     * backend too: the path a device backend takes, so its synchronisation and values can be tested
     * without a GPU.
     */
    static final String HOST_BLAS_PROPERTY = "gradlens.hostBlas";
    private static final boolean HOST_BLAS = Nd4j.getEnvironment().isCPU()
            && !"false".equalsIgnoreCase(System.getProperty(HOST_BLAS_PROPERTY)) && Cblas.available();

    private StridedBlas() {
    }

    /** One operand: an array owning its memory in c order, with a movable pointer into its buffer. */
    static final class Operand {
        private final INDArray array;
        private final FloatPointer floats;
        private final DoublePointer doubles;

        private Operand(INDArray array) {
            if (array.isView() || array.ordering() != 'c' || array.offset() != 0) {
                throw new IllegalStateException("strided products need arrays that own their memory in c order");
            }
            if (array.dataType() != DataType.FLOAT && array.dataType() != DataType.DOUBLE) {
                throw new IllegalArgumentException("strided products support float32 and float64, got "
                        + array.dataType());
            }
            this.array = array;
            boolean single = array.dataType() == DataType.FLOAT;
            this.floats = HOST_BLAS && single ? new FloatPointer(array.data().addressPointer()) : null;
            this.doubles = HOST_BLAS && !single ? new DoublePointer(array.data().addressPointer()) : null;
        }

        INDArray array() {
            return array;
        }
    }

    /** Whether products and copies call CBLAS on host memory (the CPU backend with OpenBLAS bound). */
    static boolean hostBlas() {
        return HOST_BLAS;
    }

    /** {@code a} as an operand; it must own its memory in c order (an array the caller created). */
    static Operand of(INDArray a) {
        return new Operand(a);
    }

    /**
     * {@code C = alpha·op(A)·op(B) + beta·C} with {@code op(A)} [m, k], {@code op(B)} [k, n] and C
     * [m, n], each stored row-major from its offset with its leading dimension. Operands must have
     * one data type.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Operand a, long aOffset,
                     int lda, Operand b, long bOffset, int ldb, double beta, Operand c, long cOffset, int ldc) {
        if (!HOST_BLAS) {
            viaNd4j(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        int ta = transA ? TRANS : NO_TRANS;
        int tb = transB ? TRANS : NO_TRANS;
        ArrayAccess.toHost(a.array, b.array, c.array);
        try {
            if (c.floats != null) {
                Cblas.SGEMM.invokeExact(ROW_MAJOR, ta, tb, m, n, k, (float) alpha, a.floats.position(aOffset), lda,
                        b.floats.position(bOffset), ldb, (float) beta, c.floats.position(cOffset), ldc);
            } else {
                Cblas.DGEMM.invokeExact(ROW_MAJOR, ta, tb, m, n, k, alpha, a.doubles.position(aOffset), lda,
                        b.doubles.position(bOffset), ldb, beta, c.doubles.position(cOffset), ldc);
            }
        } catch (Throwable e) {
            throw Cblas.failure(e);
        }
        ArrayAccess.hostWritten(c.array);
    }

    /**
     * Copies the block {@code rows × cols} at {@code srcOffset} (leading dimension {@code ldSrc}) to
     * {@code dstOffset} (leading dimension {@code ldDst}): one {@code cblas_?copy} per row, which
     * at these sizes costs less than creating the strided view an ND4J op would need.
     */
    static void copyRows(int rows, int cols, Operand src, long srcOffset, int ldSrc, Operand dst, long dstOffset,
                         int ldDst) {
        if (!HOST_BLAS) {
            view(dst, dstOffset, rows, cols, ldDst).assign(view(src, srcOffset, rows, cols, ldSrc));
            return;
        }
        ArrayAccess.toHost(src.array, dst.array);
        try {
            for (int r = 0; r < rows; r++) {
                if (dst.floats != null) {
                    Cblas.SCOPY.invokeExact(cols, src.floats.position(srcOffset + (long) r * ldSrc), 1,
                            dst.floats.position(dstOffset + (long) r * ldDst), 1);
                } else {
                    Cblas.DCOPY.invokeExact(cols, src.doubles.position(srcOffset + (long) r * ldSrc), 1,
                            dst.doubles.position(dstOffset + (long) r * ldDst), 1);
                }
            }
        } catch (Throwable e) {
            throw Cblas.failure(e);
        }
        ArrayAccess.hostWritten(dst.array);
    }

    /** The same product in ND4J operations on strided views (backends without host BLAS). */
    private static void viaNd4j(boolean transA, boolean transB, int m, int n, int k, double alpha, Operand a,
                                long aOffset, int lda, Operand b, long bOffset, int ldb, double beta, Operand c,
                                long cOffset, int ldc) {
        INDArray av = view(a, aOffset, transA ? k : m, transA ? m : k, lda);
        INDArray bv = view(b, bOffset, transB ? n : k, transB ? k : n, ldb);
        INDArray cv = view(c, cOffset, m, n, ldc);
        INDArray product = Nd4j.gemm(av.dup('c'), bv.dup('c'), transA, transB).muli(alpha);
        if (beta == 0) {
            cv.assign(product);
        } else {
            cv.muli(beta).addi(product);
        }
    }

    private static INDArray view(Operand o, long offset, int rows, int cols, int ld) {
        return Nd4j.create(o.array.data(), new long[] {rows, cols}, new long[] {ld, 1}, offset, 'c');
    }

    /**
     * The four CBLAS routines of {@code org.bytedeco.openblas.global.openblas_nolapack}, bound by name
     * (the class is absent from the {@code -Dcuda} build). Loaded on first use, i.e. only where the
     * backend is the CPU.
     */
    private static final class Cblas {
        private static final String CLASS = "org.bytedeco.openblas.global.openblas_nolapack";
        static final MethodHandle SGEMM;
        static final MethodHandle DGEMM;
        static final MethodHandle SCOPY;
        static final MethodHandle DCOPY;

        static {
            MethodHandle[] h = new MethodHandle[4];
            try {
                Class<?> c = Class.forName(CLASS);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                h[0] = lookup.findStatic(c, "cblas_sgemm", MethodType.methodType(void.class, int.class, int.class,
                        int.class, int.class, int.class, int.class, float.class, FloatPointer.class, int.class,
                        FloatPointer.class, int.class, float.class, FloatPointer.class, int.class));
                h[1] = lookup.findStatic(c, "cblas_dgemm", MethodType.methodType(void.class, int.class, int.class,
                        int.class, int.class, int.class, int.class, double.class, DoublePointer.class, int.class,
                        DoublePointer.class, int.class, double.class, DoublePointer.class, int.class));
                h[2] = lookup.findStatic(c, "cblas_scopy", MethodType.methodType(void.class, int.class,
                        FloatPointer.class, int.class, FloatPointer.class, int.class));
                h[3] = lookup.findStatic(c, "cblas_dcopy", MethodType.methodType(void.class, int.class,
                        DoublePointer.class, int.class, DoublePointer.class, int.class));
            } catch (ReflectiveOperationException | LinkageError e) {
                h = new MethodHandle[4];
            }
            SGEMM = h[0];
            DGEMM = h[1];
            SCOPY = h[2];
            DCOPY = h[3];
        }

        private Cblas() {
        }

        static boolean available() {
            return SGEMM != null && DGEMM != null && SCOPY != null && DCOPY != null;
        }

        static RuntimeException failure(Throwable e) {
            if (e instanceof RuntimeException r) {
                return r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            return new IllegalStateException("CBLAS call failed", e);
        }
    }
}
