package io.gradlens.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolution on channels-last batches as three fused operations that are closed under
 * differentiation, so gradients of every order are exact and each costs one patch pass and one
 * matrix product:
 * <ul>
 *   <li>{@link #conv2d}: {@code y = cols(x) · K + b} [N, OH, OW, F] for {@code x} [N, H, W, C] and a
 *       Keras kernel {@code K} [KH, KW, C, F];</li>
 *   <li>{@link #conv2dBackpropInput}: the transposed convolution {@code fold(g · Kᵀ)} [N, H, W, C],
 *       the gradient of {@code y} with respect to {@code x};</li>
 *   <li>{@link #conv2dBackpropFilter}: the correlation {@code cols(x)ᵀ · g} [KH, KW, C, F], the
 *       gradient with respect to {@code K}.</li>
 * </ul>
 * Convolution is bilinear in (x, K), and so are the other two in their two arguments; the
 * vector-Jacobian product of each is again made of these three (for an upstream {@code u}):
 * {@code conv2d → (backpropInput(u, K), backpropFilter(x, u), Σu)},
 * {@code backpropInput(g, K) → (conv2d(u, K), backpropFilter(u, g))},
 * {@code backpropFilter(x, g) → (backpropInput(g, u), conv2d(x, u))}. This is the structure
 * TensorFlow gives {@code Conv2D}, {@code Conv2DBackpropInput} and {@code Conv2DBackpropFilter}.
 *
 * <p>The patch matrix {@code cols} (im2col, Chellapilla et al., "High Performance Convolutional
 * Neural Networks for Document Processing", 2006) is built by {@link WindowKernels} straight from
 * the channels-last layout, without permutes; the forward pass keeps it for the filter gradient.
 * Padding is not part of these operations: pad with {@link Ops#padInto} first.
 */
public final class ConvOps {

    private ConvOps() {
    }

    /**
     * The valid convolution (cross-correlation, as in Keras) of {@code x} [N, H, W, C] with
     * {@code kernel} [KH, KW, C, F], plus {@code bias} [F] when not {@code null}; strides and
     * dilations from {@code g}, whose input shape must be {@code x}'s.
     */
    public static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, PatchGeometry g) {
        checkOperands("conv2d", x, kernel, bias, g);
        long filters = kernel.size(3);
        INDArray cols = WindowKernels.im2col(x.value(), g);
        INDArray y = Nd4j.gemm(cols, flatKernel(kernel.value()), false, false);
        if (bias != null) {
            y.addiRowVector(bias.value());
        }
        INDArray value = y.reshape('c', g.n(), g.outH(), g.outW(), filters);
        BackwardRule rule = (u, need) -> new Tensor[] {
            need[0] ? conv2dBackpropInput(u, kernel, g) : null,
            need[1] ? backpropFilter(x, cols, u, g) : null,
            need.length > 2 && need[2] ? Ops.sumTo(u, bias.shape()) : null};
        return bias == null ? Ops.result("conv2d", value, rule, x, kernel)
                : Ops.result("conv2d", value, rule, x, kernel, bias);
    }

    /**
     * The transposed convolution: the gradient of {@code conv2d(x, kernel)} with respect to
     * {@code x} [N, H, W, C] (shape from {@code g}) for the output gradient {@code grad}
     * [N, OH, OW, F].
     */
    public static Tensor conv2dBackpropInput(Tensor grad, Tensor kernel, PatchGeometry g) {
        checkKernel(kernel, g);
        checkOutput("conv2dBackpropInput", grad, kernel, g);
        Ops.sameType("conv2dBackpropInput", grad, kernel);
        INDArray flatGrad = flatOutput(grad.value(), g);
        INDArray kernels = flatKernel(kernel.value());
        // the patch gradient lives only until col2im has read it
        INDArray gradCols = FusedConvScratch.borrow(FusedConvScratch.Role.PATCH_GRADIENT, grad.dtype(), flatGrad.size(0), kernels.size(0));
        Nd4j.gemm(flatGrad, kernels, gradCols, false, true, 1.0, 0.0);
        INDArray value = WindowKernels.col2im(gradCols, g);
        return Ops.result("conv2dBackpropInput", value, (u, need) -> new Tensor[] {
            need[0] ? conv2d(u, kernel, null, g) : null,
            need[1] ? conv2dBackpropFilter(u, grad, g) : null}, grad, kernel);
    }

    /**
     * The filter gradient: the gradient of {@code conv2d(x, kernel)} with respect to the kernel
     * [KH, KW, C, F] for the output gradient {@code grad} [N, OH, OW, F].
     */
    public static Tensor conv2dBackpropFilter(Tensor x, Tensor grad, PatchGeometry g) {
        g.check(x.shape());
        return backpropFilter(x, WindowKernels.im2col(x.value(), g), grad, g);
    }

    /** {@link #conv2dBackpropFilter} with the patch matrix of {@code x} already built. */
    static Tensor backpropFilter(Tensor x, INDArray cols, Tensor grad, PatchGeometry g) {
        Ops.sameType("conv2dBackpropFilter", x, grad);
        if (grad.rank() != 4 || grad.size(0) != g.n() || grad.size(1) != g.outH() || grad.size(2) != g.outW()) {
            throw new IllegalArgumentException("conv2dBackpropFilter: gradient must be [" + g.n() + ", " + g.outH()
                    + ", " + g.outW() + ", F], got " + Arrays.toString(grad.shape()));
        }
        INDArray value = Nd4j.gemm(cols, flatOutput(grad.value(), g), true, false)
                .reshape('c', g.kh(), g.kw(), g.channels(), grad.size(3));
        return Ops.result("conv2dBackpropFilter", value, (u, need) -> new Tensor[] {
            need[0] ? conv2dBackpropInput(grad, u, g) : null,
            need[1] ? conv2d(x, u, null, g) : null}, x, grad);
    }

    static INDArray flatKernel(INDArray kernel) {
        return kernel.reshape('c', kernel.size(0) * kernel.size(1) * kernel.size(2), kernel.size(3));
    }

    private static INDArray flatOutput(INDArray y, PatchGeometry g) {
        return y.reshape('c', (long) g.n() * g.outH() * g.outW(), y.size(3));
    }

    /** Checks the shapes and types of a convolution's input, kernel and (optional) bias. */
    static void checkOperands(String op, Tensor x, Tensor kernel, Tensor bias, PatchGeometry g) {
        g.check(x.shape());
        checkKernel(kernel, g);
        Ops.sameType(op, x, kernel);
        long filters = kernel.size(3);
        if (bias != null) {
            Ops.sameType(op, x, bias);
            if (bias.rank() != 1 || bias.size(0) != filters) {
                throw new IllegalArgumentException(op + ": bias must be [" + filters + "], got "
                        + Arrays.toString(bias.shape()));
            }
        }
    }

    static void checkKernel(Tensor kernel, PatchGeometry g) {
        if (kernel.rank() != 4 || kernel.size(0) != g.kh() || kernel.size(1) != g.kw()
                || kernel.size(2) != g.channels()) {
            throw new IllegalArgumentException("conv2d: kernel must be [" + g.kh() + ", " + g.kw() + ", "
                    + g.channels() + ", F], got " + Arrays.toString(kernel.shape()));
        }
    }

    private static void checkOutput(String op, Tensor grad, Tensor kernel, PatchGeometry g) {
        long[] expected = {g.n(), g.outH(), g.outW(), kernel.size(3)};
        if (!Arrays.equals(grad.shape(), expected)) {
            throw new IllegalArgumentException(op + ": gradient must be " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(grad.shape()));
        }
    }
}
