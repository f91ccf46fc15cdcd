package io.gradlens.autodiff;

/**
 * Max pooling on channels-last batches [N, H, W, C], with a backward rule that stays exact to
 * every order. Given the input, the positions of the windows' maxima are fixed, and max pooling is
 * {@code gather(x, positions)}: its gradient is {@link #unpool} (scatter-add of the upstream
 * gradient onto those positions), which is linear, and whose own gradient is {@link #gatherAt}
 * (reading the upstream gradient at the positions); the two are each other's adjoints. The
 * positions are constants of the recorded operations, so the second derivative of max pooling
 * with respect to its input is zero, as it is almost everywhere. On ties the first maximum in
 * row-major window order takes the gradient (as in PyTorch and TensorFlow).
 */
public final class PoolingOps {

    private PoolingOps() {
    }

    /** Max pooling of {@code x} [N, H, W, C] over the windows of {@code p}; [N, OH, OW, C]. */
    public static Tensor maxPool2d(Tensor x, PoolGeometry p) {
        p.check(x.shape());
        int[] positions = WindowKernels.maxPoolArgmax(x.value(), p);
        long[] inputShape = x.shape();
        return Ops.result("maxPool2d", WindowKernels.gather(x.value(), positions, p.outputShape()),
                (u, need) -> new Tensor[] {unpool(u, positions, inputShape)}, x);
    }

    /**
     * Adds element {@code k} of {@code grad} onto the row-major position {@code positions[k]} of a
     * zero tensor of {@code shape}: the gradient of max pooling, linear in {@code grad}. Position
     * {@code -1} drops its element (an output that does not depend on the input, e.g. one cut by
     * relu in {@link FusedConvOps#conv2dBiasReluPool}).
     */
    public static Tensor unpool(Tensor grad, int[] positions, long[] shape) {
        checkPositions("unpool", grad.length(), positions, Shapes.product(shape));
        long[] gradShape = grad.shape();
        return Ops.result("unpool", WindowKernels.scatterAdd(grad.value(), positions, shape),
                (u, need) -> new Tensor[] {gatherAt(u, positions, gradShape)}, grad);
    }

    /**
     * Element {@code k} of the result (shaped {@code shape}) is element {@code positions[k]} of
     * {@code x} in row-major order, 0 where {@code positions[k]} is {@code -1}: the adjoint of
     * {@link #unpool}.
     */
    public static Tensor gatherAt(Tensor x, int[] positions, long[] shape) {
        checkPositions("gatherAt", Shapes.product(shape), positions, x.length());
        long[] from = x.shape();
        return Ops.result("gatherAt", WindowKernels.gather(x.value(), positions, shape),
                (u, need) -> new Tensor[] {unpool(u, positions, from)}, x);
    }

    /** {@code count} positions, each inside a tensor of {@code range} elements. */
    private static void checkPositions(String op, long count, int[] positions, long range) {
        if (positions.length != count) {
            throw new IllegalArgumentException(op + ": " + positions.length + " positions for " + count
                    + " elements");
        }
        for (int k = 0; k < positions.length; k++) {
            if (positions[k] < -1 || positions[k] >= range) {
                throw new IllegalArgumentException(op + ": position " + positions[k] + " at index " + k
                        + " is outside a tensor of " + range + " elements");
            }
        }
    }
}
