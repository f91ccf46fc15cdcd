package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertClose;
import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link Ops#weightedSumOfSquares}: {@code Σ w ⊙ a²} equals the op-by-op form, and its first and
 * second derivatives match central finite differences in float64 (the input-gradient penalty
 * differentiates it through a gradient, so the second order matters).
 */
class WeightedSumOfSquaresTest {

    @Test
    void valueAndGradientEqualTheOpByOpForm() {
        Tensor a = uniform(1, -1, 1, 3, 4);
        Tensor w = uniform(2, 0, 2, 3, 4);
        Tensor fused;
        Tensor reference;
        Tensor gFused;
        Tensor gReference;
        try (GradientTape tape = GradientTape.persistent()) {
            tape.watch(a);
            fused = Ops.weightedSumOfSquares(a, w);
            reference = Ops.sum(Ops.mul(Ops.square(a), w), false);
            gFused = tape.gradient(fused, a);
            gReference = tape.gradient(reference, a);
        }
        assertEquals(reference.item(), fused.item(), 1e-12);
        assertClose("gradient", gFused.value(), gReference.value());
    }

    @Test
    void firstAndSecondOrderMatchFiniteDifferences() {
        Tensor w = uniform(3, 0, 2, 4, 3);
        assertGradients("weightedSumOfSquares", xs -> Ops.weightedSumOfSquares(xs[0], w), uniform(4, -1, 1, 4, 3));
        assertGradients("weightedSumOfSquares of tanh(x·W)", xs -> Ops.weightedSumOfSquares(
                Ops.tanh(Ops.matmul(xs[0], xs[1])), w), uniform(5, -1, 1, 4, 2), uniform(6, -1, 1, 2, 3));
    }

    @Test
    void weightsOfAnotherShapeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Ops.weightedSumOfSquares(uniform(1, -1, 1, 3, 4), uniform(2, 0, 1, 4)));
    }
}
