package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares tape gradients with central finite differences in float64, to first and second order.
 *
 * <p>First order: for {@code L(x) = Σ w ⊙ f(x)} with a fixed random {@code w}, the tape's
 * {@code ∂L/∂x} against {@code (L(x + εe) − L(x − εe)) / 2ε}. Second order: for {@code H(x) = Σ_i
 * Σ v_i ⊙ ∂L/∂x_i} with fixed random {@code v_i}, where the inner gradient is taken by a nested
 * tape, the outer tape's {@code ∂H/∂x} against finite differences of {@code H}. The error measure is
 * {@code ‖analytic − numeric‖ / max(‖analytic‖, ‖numeric‖, 1e-3)}, so that vanishing
 * gradients compare absolutely.
 */
public final class GradientCheck {

    /** A function of several tensors. */
    @FunctionalInterface
    public interface Fn {
        Tensor apply(Tensor... xs);
    }

    public static final double TOLERANCE = 1e-6;
    private static final double EPS = 1e-5;

    private GradientCheck() {
    }

    /** Random float64 values uniform in [lo, hi). */
    public static Tensor uniform(long seed, double lo, double hi, long... shape) {
        Random r = new Random(seed);
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Tensor.of(v, shape);
    }

    /** Asserts first- and second-order gradients of {@code f} at {@code inputs} (float64). */
    public static void assertGradients(String name, Fn f, Tensor... inputs) {
        assertFirstOrder(name, f, inputs);
        assertSecondOrder(name, f, inputs);
    }

    /** Asserts the first-order gradient of {@code Σ w ⊙ f(x)}. */
    public static void assertFirstOrder(String name, Fn f, Tensor... inputs) {
        Tensor w = uniform(99, -1, 1, f.apply(inputs).shape());
        Fn loss = xs -> Ops.sum(Ops.mul(f.apply(xs), w), false);
        List<Tensor> analytic;
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(inputs);
            analytic = tape.gradient(loss.apply(inputs), List.of(inputs), UnconnectedGradients.ZERO);
        }
        for (int i = 0; i < inputs.length; i++) {
            INDArray numeric = numericGradient(loss, inputs, i);
            assertClose(name + " first order, input " + i, analytic.get(i).value(), numeric);
        }
    }

    /** Asserts the gradient of {@code H(x) = Σ_i Σ v_i ⊙ ∂L/∂x_i}, through nested tapes. */
    public static void assertSecondOrder(String name, Fn f, Tensor... inputs) {
        Tensor w = uniform(99, -1, 1, f.apply(inputs).shape());
        List<Tensor> vs = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            vs.add(uniform(7 + i, -1, 1, inputs[i].shape()));
        }
        Fn h = xs -> {
            List<Tensor> g;
            try (GradientTape inner = GradientTape.open()) {
                inner.watch(xs);
                Tensor l = Ops.sum(Ops.mul(f.apply(xs), w), false);
                g = inner.gradient(l, List.of(xs), UnconnectedGradients.ZERO);
            }
            Tensor total = Tensor.scalar(0.0, DataType.DOUBLE);
            for (int i = 0; i < xs.length; i++) {
                total = Ops.add(total, Ops.sum(Ops.mul(g.get(i), vs.get(i)), false));
            }
            return total;
        };
        List<Tensor> analytic;
        try (GradientTape outer = GradientTape.open()) {
            outer.watch(inputs);
            analytic = outer.gradient(h.apply(inputs), List.of(inputs), UnconnectedGradients.ZERO);
        }
        for (int i = 0; i < inputs.length; i++) {
            INDArray numeric = numericGradient(h, inputs, i);
            assertClose(name + " second order, input " + i, analytic.get(i).value(), numeric);
        }
    }

    /** Central differences of the scalar {@code f} with respect to input {@code which}. */
    public static INDArray numericGradient(Fn f, Tensor[] inputs, int which) {
        INDArray x = inputs[which].value();
        INDArray flat = x.reshape(x.length());
        INDArray out = Nd4j.zeros(DataType.DOUBLE, x.length());
        for (long k = 0; k < x.length(); k++) {
            double orig = flat.getDouble(k);
            flat.putScalar(k, orig + EPS);
            double plus = f.apply(inputs).item();
            flat.putScalar(k, orig - EPS);
            double minus = f.apply(inputs).item();
            flat.putScalar(k, orig);
            out.putScalar(k, (plus - minus) / (2 * EPS));
        }
        return out.reshape(x.shape());
    }

    /** Relative error {@code ‖a − b‖ / max(‖a‖, ‖b‖, 1e-3)} at most {@link #TOLERANCE}. */
    public static void assertClose(String what, INDArray analytic, INDArray numeric) {
        assertEquals(java.util.Arrays.toString(numeric.shape()), java.util.Arrays.toString(analytic.shape()),
                what + ": shape");
        double diff = analytic.castTo(DataType.DOUBLE).sub(numeric).norm2Number().doubleValue();
        double scale = Math.max(Math.max(analytic.norm2Number().doubleValue(), numeric.norm2Number().doubleValue()),
                1e-3);
        double rel = diff / scale;
        assertTrue(rel <= TOLERANCE, what + ": relative error " + rel + "\nanalytic " + analytic + "\nnumeric  "
                + numeric);
    }
}
