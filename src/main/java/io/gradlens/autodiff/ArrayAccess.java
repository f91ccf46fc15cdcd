package io.gradlens.autodiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access, in double precision, to the native memory of a c-ordered float32 or float64
 * array: what the fused recurrent kernels ({@link LstmKernel}, {@link LstmCellKernel}) use to run
 * their elementwise arithmetic as Java loops instead of one native call per term.
 */
abstract class ArrayAccess {

    abstract double get(int i);

    /** Stores {@code v} (rounded to the array's type) and returns the stored value. */
    abstract double set(int i, double v);

    /** Access to {@code a}, which must own its memory in c order (an array the caller created). */
    static ArrayAccess of(INDArray a) {
        if (a.isView() || a.ordering() != 'c' || a.offset() != 0) {
            throw new IllegalStateException("fused recurrent kernels need their own c-ordered arrays");
        }
        ByteBuffer bytes = a.data().asNio().order(ByteOrder.nativeOrder());
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer d = bytes.asDoubleBuffer();
            return new ArrayAccess() {
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
            return new ArrayAccess() {
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
}
