package io.gradlens.autodiff;

/**
 * The vector-Jacobian product of an operation with several outputs. Like {@link BackwardRule} it
 * must be written in recorded operations, so that an outer tape can differentiate it again.
 */
@FunctionalInterface
interface MultiBackwardRule {

    /**
     * Gradients with respect to the operation's inputs.
     *
     * @param upstream one gradient per output, {@code null} for an output nothing downstream used
     *                 (its gradient is zero); at least one is non-null
     * @param needed   which inputs need a gradient
     * @return one gradient per input, shaped like that input, or {@code null} where not needed
     */
    Tensor[] apply(Tensor[] upstream, boolean[] needed);
}
