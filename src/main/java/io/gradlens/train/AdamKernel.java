package io.gradlens.train;

import io.gradlens.autodiff.ArrayAccess;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One Adam update of one parameter array, in place:
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}, {@code θ ← θ − α·m/(√v + ε̂)}.
 *
 * <p>For dense row-major float32/float64 arrays it is one pass over ND4J's native memory: reading
 * five values and writing three per element, where the op-by-op form makes about eleven passes and
 * four temporaries (an LSTM step updates a 2-million-entry embedding this way). Anything else (views,
 * other orders or types), or a backend where {@link ArrayAccess#hostKernelsAllowed()} says no, takes
 * {@link #reference}. Host reads and writes go through {@link ArrayAccess}, which keeps the CUDA
 * backend's host and device copies in step.
 */
final class AdamKernel {

    private AdamKernel() {
    }

    /**
     * @param stepSize α, the learning rate with both bias corrections folded in
     * @param epsilonHat ε̂, epsilon scaled like the second-moment correction
     */
    static void update(INDArray param, INDArray grad, INDArray m, INDArray v, double beta1, double beta2,
                       double stepSize, double epsilonHat) {
        if (!ArrayAccess.hostKernelsAllowed() || !fusable(param, grad, m, v)) {
            reference(param, grad, m, v, beta1, beta2, stepSize, epsilonHat);
            return;
        }
        int n = (int) param.length();
        if (param.dataType() == DataType.FLOAT) {
            FloatBuffer p = ArrayAccess.hostFloats(param);
            FloatBuffer g = ArrayAccess.hostFloats(grad);
            FloatBuffer mb = ArrayAccess.hostFloats(m);
            FloatBuffer vb = ArrayAccess.hostFloats(v);
            float b1 = (float) beta1;
            float c1 = (float) (1 - beta1);
            float b2 = (float) beta2;
            float c2 = (float) (1 - beta2);
            float step = (float) stepSize;
            float eps = (float) epsilonHat;
            for (int i = 0; i < n; i++) {
                float gi = g.get(i);
                float mi = b1 * mb.get(i) + c1 * gi;
                float vi = b2 * vb.get(i) + c2 * gi * gi;
                mb.put(i, mi);
                vb.put(i, vi);
                p.put(i, p.get(i) - step * mi / ((float) Math.sqrt(vi) + eps));
            }
        } else {
            DoubleBuffer p = ArrayAccess.hostDoubles(param);
            DoubleBuffer g = ArrayAccess.hostDoubles(grad);
            DoubleBuffer mb = ArrayAccess.hostDoubles(m);
            DoubleBuffer vb = ArrayAccess.hostDoubles(v);
            for (int i = 0; i < n; i++) {
                double gi = g.get(i);
                double mi = beta1 * mb.get(i) + (1 - beta1) * gi;
                double vi = beta2 * vb.get(i) + (1 - beta2) * gi * gi;
                mb.put(i, mi);
                vb.put(i, vi);
                p.put(i, p.get(i) - stepSize * mi / (Math.sqrt(vi) + epsilonHat));
            }
        }
        ArrayAccess.hostWritten(param, m, v);
    }

    /** The same update as ND4J operations: the definition the fused loop is tested against. */
    static void reference(INDArray param, INDArray grad, INDArray m, INDArray v, double beta1, double beta2,
                          double stepSize, double epsilonHat) {
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.mul(grad).muli(1 - beta2));
        INDArray denominator = Transforms.sqrt(v, true).addi(epsilonHat);
        param.subi(m.div(denominator).muli(stepSize));
    }

    private static boolean fusable(INDArray... arrays) {
        DataType type = arrays[0].dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE || arrays[0].length() > Integer.MAX_VALUE) {
            return false;
        }
        for (INDArray a : arrays) {
            if (a.dataType() != type || a.length() != arrays[0].length() || a.ordering() != 'c'
                    || a.offset() != 0 || a.data().length() != a.length() || !Shape.hasDefaultStridesForShape(a)) {
                return false;
            }
        }
        return true;
    }
}
