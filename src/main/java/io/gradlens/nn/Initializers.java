package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initialisers, seeded: the same random source gives the same weights. Kernels use Glorot
 * uniform (Glorot &amp; Bengio 2010), as Keras does; recurrent kernels use Glorot uniform too
 * (Keras uses orthogonal; both train our models well, and Glorot needs no QR decomposition).
 */
public final class Initializers {

    private Initializers() {
    }

    /** Uniform in ±√(6 / (fanIn + fanOut)). */
    public static Tensor glorotUniform(String name, Random random, DataType dtype, long fanIn, long fanOut,
                                       long... shape) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        return uniform(name, random, dtype, limit, shape);
    }

    /** Uniform in ±{@code limit}. */
    public static Tensor uniform(String name, Random random, DataType dtype, double limit, long... shape) {
        int n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, Math.toIntExact(d));
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (2 * random.nextDouble() - 1) * limit;
        }
        return Tensor.variable(Nd4j.create(v, shape, 'c').castTo(dtype), name);
    }

    /** Zeros. */
    public static Tensor zeros(String name, DataType dtype, long... shape) {
        return Tensor.variable(Nd4j.zeros(dtype, shape), name);
    }

    /** A variable holding a copy of {@code value}. */
    public static Tensor of(String name, INDArray value) {
        return Tensor.variable(value.dup('c'), name);
    }
}
