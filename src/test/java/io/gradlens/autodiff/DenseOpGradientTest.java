package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertClose;
import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fused dense operation {@link NnOps#dense}: its value is {@code relu(x·W + b)} computed op by
 * op, and its gradient and gradient-of-gradient match central finite differences in float64 with
 * and without bias and rectifier.
 */
class DenseOpGradientTest {

    private static Tensor u(long seed, long... shape) {
        return uniform(seed, -1, 1, shape);
    }

    @Test
    void valueAndGradientEqualTheOpByOpComposition() {
        Tensor x = u(1, 5, 4);
        Tensor w = u(2, 4, 3);
        Tensor b = u(3, 3);
        Tensor fused;
        Tensor reference;
        List<Tensor> gFused;
        List<Tensor> gReference;
        try (GradientTape tape = GradientTape.persistent()) {
            tape.watch(x, w, b);
            fused = NnOps.dense(x, w, b, true);
            reference = Ops.relu(Ops.add(Ops.matmul(x, w), b));
            gFused = tape.gradient(Ops.sum(Ops.square(fused), false), x, w, b);
            gReference = tape.gradient(Ops.sum(Ops.square(reference), false), x, w, b);
        }
        assertClose("value", fused.value(), reference.value());
        for (int i = 0; i < 3; i++) {
            assertClose("gradient " + i, gFused.get(i).value(), gReference.get(i).value());
        }
        assertTrue(fused.value().minNumber().doubleValue() >= 0.0, "the rectifier clips at 0");
        assertTrue(reference.value().eq(0.0).castTo(fused.dtype()).sumNumber().doubleValue() > 0,
                "the seeds give some negative pre-activations, so the mask is exercised");
    }

    @Test
    void firstAndSecondOrderMatchFiniteDifferences() {
        // tanh after the layer makes every second derivative non-trivial; the seeds keep every
        // pre-activation at least 0.01 away from the rectifier's kink
        assertGradients("dense relu", xs -> Ops.tanh(NnOps.dense(xs[0], xs[1], xs[2], true)), u(11, 6, 4), u(12, 4, 5),
                u(13, 5));
        assertGradients("dense linear", xs -> Ops.tanh(NnOps.dense(xs[0], xs[1], xs[2], false)), u(11, 6, 4),
                u(12, 4, 5), u(13, 5));
        assertGradients("dense without bias", xs -> Ops.tanh(NnOps.dense(xs[0], xs[1], null, true)), u(21, 3, 4),
                u(22, 4, 2));
    }

    @Test
    void theSeedsStayAwayFromTheKink() {
        Tensor y = Ops.add(Ops.matmul(u(11, 6, 4), u(12, 4, 5)), u(13, 5));
        assertTrue(Ops.abs(y).value().minNumber().doubleValue() > 0.01, "a pre-activation lies on the kink");
        Tensor y2 = Ops.matmul(u(21, 3, 4), u(22, 4, 2));
        assertTrue(Ops.abs(y2).value().minNumber().doubleValue() > 0.01, "a pre-activation lies on the kink");
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NnOps.dense(u(1, 5, 4), u(2, 3, 3), null, false));
        assertThrows(IllegalArgumentException.class, () -> NnOps.dense(u(1, 5, 4), u(2, 4, 3), u(3, 4), false));
    }
}
