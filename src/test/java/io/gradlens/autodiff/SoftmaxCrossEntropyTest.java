package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertClose;
import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The fused cross-entropy {@link NnOps#softmaxCrossEntropy}: it equals {@code −mean(log softmax(z)[y])}
 * written op by op, its first and second derivatives match central finite differences in float64,
 * and a confident float32 prediction keeps an accurate gradient for its true class.
 */
class SoftmaxCrossEntropyTest {

    private static final int[] LABELS = {2, 0, 3, 3, 1};

    private static Tensor opByOp(Tensor z, int[] labels) {
        return Ops.neg(Ops.mean(NnOps.pick(NnOps.logSoftmax(z, 1), labels), false));
    }

    @Test
    void valueAndGradientEqualTheOpByOpForm() {
        Tensor z = uniform(5, -3, 3, 5, 4);
        Tensor fused;
        Tensor reference;
        List<Tensor> g;
        try (GradientTape tape = GradientTape.persistent()) {
            tape.watch(z);
            fused = NnOps.softmaxCrossEntropy(z, LABELS);
            reference = opByOp(z, LABELS);
            g = List.of(tape.gradient(fused, z), tape.gradient(reference, z));
        }
        assertEquals(0, fused.rank());
        assertEquals(reference.item(), fused.item(), 1e-12);
        assertClose("gradient", g.get(0).value(), g.get(1).value());
    }

    @Test
    void firstAndSecondOrderMatchFiniteDifferences() {
        // the checks weight the scalar loss by a random w, so the upstream gradient is not 1
        assertGradients("softmaxCrossEntropy", xs -> NnOps.softmaxCrossEntropy(xs[0], LABELS),
                uniform(6, -2, 2, 5, 4));
        // and through a layer below it, as training and the input-gradient penalty use it
        assertGradients("cross-entropy of tanh(x·W)", xs -> NnOps.softmaxCrossEntropy(
                Ops.tanh(Ops.matmul(xs[0], xs[1])), LABELS), uniform(7, -1, 1, 5, 3), uniform(8, -1, 1, 3, 4));
    }

    @Test
    void aConfidentPredictionKeepsItsGradientInFloat32() {
        // p_y rounds to 1 in float32; ∂/∂z_y = (p_y − 1)/B must still be −Σ_{j≠y} p_j / B
        Tensor z = Tensor.constant(org.nd4j.linalg.factory.Nd4j.create(new float[] {30f, 0f, 1f}, new long[] {1, 3}, 'c'));
        Tensor g;
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(z);
            g = tape.gradient(NnOps.softmaxCrossEntropy(z, new int[] {0}), z);
        }
        assertEquals(DataType.FLOAT, g.dtype());
        double others = Math.exp(-30) + Math.exp(-29);
        assertEquals(-others, g.value().getDouble(0, 0), others * 1e-6);
    }

    @Test
    void badLabelsAreRefused() {
        Tensor z = uniform(5, -3, 3, 5, 4);
        assertThrows(IllegalArgumentException.class, () -> NnOps.softmaxCrossEntropy(z, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> NnOps.softmaxCrossEntropy(z, new int[] {0, 1, 2, 3, 4}));
    }
}
