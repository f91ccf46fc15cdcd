package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradients of log-probabilities and probabilities on a saturated prediction, where float32 rounds
 * {@code p_t = 1 − 1.04e-9} to exactly 1: the float32 input gradient must keep its relative
 * accuracy (the plain backward {@code g − p Σg} returns 0 for {@code 1 − p_t} and is ~100 % wrong
 * normwise), checked against a closed form in float64 and, to second order, against the same
 * computation on a float64 tape.
 */
class SaturatedSoftmaxTest {

    /** Input [1, 4] and a linear layer [4, 3] with a bias that makes class 0 win by 21 logits. */
    private static final float[] X = {0.7f, -1.2f, 0.4f, 2.0f};
    private static final float[] W = {
        0.3f, -0.8f, 0.5f,
        -0.6f, 0.2f, 0.9f,
        1.1f, 0.4f, -0.7f,
        -0.2f, 0.6f, 0.1f};

    private static double[] logits() {
        double[] z = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                z[j] += (double) X[i] * W[i * 3 + j];
            }
        }
        return z;
    }

    /** The float32 bias that puts class 0 ahead by 21 and 22 logits (computed from the logits). */
    private static float[] bias() {
        double[] z = logits();
        return new float[] {(float) -z[0], (float) (-z[1] - 21), (float) (-z[2] - 22)};
    }

    private static Tensor tensor(float[] v, DataType type, long... shape) {
        INDArray a = Nd4j.create(v, shape).castTo(type);
        return Tensor.constant(a);
    }

    /** ∂ log p_0 / ∂x = Σ_j (δ_0j − p_j) W[:, j], with 1 − p_0 from the other classes, in float64. */
    private static double[] closedFormLogProbGradient() {
        float[] b = bias();
        double[] z = logits();
        double[] e = new double[3];
        for (int j = 0; j < 3; j++) {
            e[j] = Math.exp(z[j] + b[j] - (z[0] + b[0]));
        }
        double sum = e[0] + e[1] + e[2];
        double[] coefficient = {(e[1] + e[2]) / sum, -e[1] / sum, -e[2] / sum};
        assertTrue(coefficient[0] > 1e-9 && coefficient[0] < 1.1e-9, "p_0 = 1 − " + coefficient[0]);
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                g[i] += coefficient[j] * W[i * 3 + j];
            }
        }
        return g;
    }

    private interface Readout {
        Tensor of(Tensor logits);
    }

    /** ∂ readout(xW + b)[0, 0] / ∂x on a tape of the given type. */
    private static INDArray inputGradient(DataType type, Readout readout) {
        Tensor x = Tensor.variable(Nd4j.create(X, 1, 4).castTo(type), "x");
        Tensor w = tensor(W, type, 4, 3);
        Tensor b = tensor(bias(), type, 1, 3);
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(x);
            Tensor out = readout.of(Ops.add(Ops.matmul(x, w), b));
            Tensor first = NnOps.pick(out, new int[] {0});
            return tape.gradient(Ops.sum(first, false), x).value().castTo(DataType.DOUBLE);
        }
    }

    private static double relativeError(INDArray actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += Math.pow(actual.getDouble(0, i) - expected[i], 2);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    @Test
    void float32LogProbabilityGradientOfASaturatedPredictionKeepsRelativeAccuracy() {
        double[] expected = closedFormLogProbGradient();
        INDArray float32 = inputGradient(DataType.FLOAT, z -> NnOps.logSoftmax(z, 1));
        double error = relativeError(float32, expected);
        assertTrue(error < 1e-4, "relative error " + error + " of " + float32 + " against "
                + java.util.Arrays.toString(expected));
    }

    @Test
    void float32ProbabilityGradientOfASaturatedPredictionKeepsRelativeAccuracy() {
        // ∂p_0/∂x = p_0 ∂ log p_0/∂x, and p_0 rounds to 1
        double[] expected = closedFormLogProbGradient();
        INDArray float32 = inputGradient(DataType.FLOAT, z -> NnOps.softmax(z, 1));
        double error = relativeError(float32, expected);
        assertTrue(error < 1e-4, "relative error " + error);
    }

    /** ∂/∂W of Σ_i (∂ log p_0/∂x_i)²: the explanation penalty's double backprop on the saturated example. */
    private static INDArray penaltyGradient(DataType type) {
        Tensor x = Tensor.variable(Nd4j.create(X, 1, 4).castTo(type), "x");
        Tensor w = Tensor.variable(Nd4j.create(W, new long[] {4, 3}).castTo(type), "w");
        Tensor b = tensor(bias(), type, 1, 3);
        try (GradientTape outer = GradientTape.open()) {
            outer.watch(w);
            Tensor saliency;
            try (GradientTape inner = GradientTape.open()) {
                inner.watch(x);
                Tensor logProb = NnOps.pick(NnOps.logSoftmax(Ops.add(Ops.matmul(x, w), b), 1), new int[] {0});
                saliency = inner.gradient(Ops.sum(logProb, false), x);
            }
            return outer.gradient(Ops.sum(Ops.square(saliency), false), w).value().castTo(DataType.DOUBLE);
        }
    }

    @Test
    void float32SecondOrderGradientOfASaturatedPredictionMatchesFloat64() {
        INDArray reference = penaltyGradient(DataType.DOUBLE);
        INDArray float32 = penaltyGradient(DataType.FLOAT);
        double error = float32.sub(reference).norm2Number().doubleValue() / reference.norm2Number().doubleValue();
        assertTrue(reference.norm2Number().doubleValue() > 0, "the reference penalty gradient is not zero");
        assertTrue(error < 1e-4, "relative error " + error + " of the penalty gradient");
    }

    @Test
    void sumOfOthersIsExactBesideADominantEntry() {
        Tensor p = Tensor.constant(Nd4j.create(new float[] {1.0f, 7.6e-10f, 2.8e-10f, 1e-12f}, 1, 4));
        INDArray others = NnOps.sumOfOthers(p, 1).value();
        assertEquals(7.6e-10 + 2.8e-10 + 1e-12, others.getDouble(0, 0), 1e-16);
        assertEquals(1.0, others.getDouble(0, 1), 1e-7);
        Tensor ties = Tensor.constant(Nd4j.create(new double[] {-2, 2, 0.5, -2}, 1, 4));
        INDArray tied = NnOps.sumOfOthers(ties, 1).value();
        assertEquals(0.5, tied.getDouble(0, 0), 1e-15);
        assertEquals(-3.5, tied.getDouble(0, 1), 1e-15);
        assertEquals(-2.0, tied.getDouble(0, 2), 1e-15);
        assertEquals(0.5, tied.getDouble(0, 3), 1e-15);
    }
}
