package io.gradlens.autodiff;

/**
 * The vector-Jacobian product of one operation, written in {@link Ops} so that it is recorded, and
 * so differentiable again, whenever an outer tape is recording.
 */
@FunctionalInterface
interface BackwardRule {

    /**
     * Gradients with respect to the operation's inputs.
     *
     * @param upstream the gradient with respect to the operation's output
     * @param needed   which inputs need a gradient; entries not needed may be {@code null}
     * @return one gradient per input, shaped like that input, or {@code null} where not needed or
     *     where the input is not differentiable
     */
    Tensor[] apply(Tensor upstream, boolean[] needed);
}
