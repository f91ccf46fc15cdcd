package io.gradlens.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Convolution fused with its bias, relu and (optionally) the max pooling after it, as single
 * recorded operations on channels-last batches; the unfused chain is {@link ConvOps#conv2d},
 * {@link Ops#relu} and {@link PoolingOps#maxPool2d}, and the fused operations compute the same
 * values with fewer passes over memory and fewer temporary arrays:
 * <ul>
 *   <li>{@link #conv2dBiasRelu}: {@code y = relu(cols(x)·K + b)}: one matrix product, then bias
 *       and relu in place on its result; no relu mask is stored, the backward pass reads
 *       {@code y > 0} from the output itself;</li>
 *   <li>{@link #conv2dBiasReluPool}: {@code max_pool(relu(cols(x)·K + b))}: one matrix product,
 *       then a single pass that adds the bias, pools and applies relu (relu commutes with max, so
 *       it runs on the pooled values only); the convolution's full-size output is never
 *       activated, masked or kept.</li>
 * </ul>
 * Both are closed under differentiation like {@link ConvOps}: the vector-Jacobian product for an
 * upstream {@code u} first forms the pre-activation gradient {@code dz} with a linear recorded
 * operation ({@link #reluGate} for the first, {@link PoolingOps#unpool} onto the active maxima for
 * the second; each is its own adjoint's partner, so it can be differentiated again), then applies
 * {@link ConvOps#conv2dBackpropInput}, the filter correlation (reusing the forward pass' patch
 * matrix) and the bias sum. The relu mask and the pooling positions are constants of the rule, so
 * second derivatives are exact almost everywhere, as for the unfused chain.
 *
 * <p>The pooled pass reads the product on the host ({@link WindowKernels#biasReluMaxPool}); where
 * {@link ArrayAccess#hostKernelsAllowed()} says no, both operations record the unfused chain
 * instead (whose window kernels then take their {@link WindowReference} paths).
 */
public final class FusedConvOps {

    private FusedConvOps() {
    }

    /**
     * {@code relu(conv2d(x, kernel) + bias)} for {@code x} [N, H, W, C], {@code kernel}
     * [KH, KW, C, F] and {@code bias} [F] or {@code null}; [N, OH, OW, F].
     */
    public static Tensor conv2dBiasRelu(Tensor x, Tensor kernel, Tensor bias, PatchGeometry g) {
        ConvOps.checkOperands("conv2dBiasRelu", x, kernel, bias, g);
        if (!ArrayAccess.hostKernelsAllowed()) {
            return Ops.relu(ConvOps.conv2d(x, kernel, bias, g));
        }
        boolean keepCols = ActiveTapes.mayTrack(kernel);
        INDArray cols = WindowKernels.im2col(x.value(), g, keepCols);
        INDArray z = Nd4j.gemm(cols, ConvOps.flatKernel(kernel.value()), false, false);
        if (bias != null) {
            z.addiRowVector(bias.value());
        }
        INDArray y = Transforms.relu(z, false).reshape('c', g.n(), g.outH(), g.outW(), kernel.size(3));
        INDArray kept = keepCols ? cols : null;
        BackwardRule rule = (u, need) -> convolutionGradients(reluGate(u, y), x, kept, kernel, bias, g, need);
        return record("conv2dBiasRelu", y, rule, x, kernel, bias);
    }

    /**
     * {@code max_pool(relu(conv2d(x, kernel) + bias), p)}, where {@code p} pools the convolution's
     * output [N, OH, OW, F]; [N, POH, POW, F]. Ties go to the first maximum in window order, as in
     * {@link PoolingOps#maxPool2d}.
     */
    public static Tensor conv2dBiasReluPool(Tensor x, Tensor kernel, Tensor bias, PatchGeometry g, PoolGeometry p) {
        ConvOps.checkOperands("conv2dBiasReluPool", x, kernel, bias, g);
        long[] convShape = {g.n(), g.outH(), g.outW(), kernel.size(3)};
        if (!Arrays.equals(p.inputShape(), convShape)) {
            throw new IllegalArgumentException("conv2dBiasReluPool: the pooling geometry is for "
                    + Arrays.toString(p.inputShape()) + ", the convolution gives " + Arrays.toString(convShape));
        }
        if (!ArrayAccess.hostKernelsAllowed()) {
            return PoolingOps.maxPool2d(Ops.relu(ConvOps.conv2d(x, kernel, bias, g)), p);
        }
        // the patch matrix is kept for the filter gradient only if a tape may ask for it
        boolean keepCols = ActiveTapes.mayTrack(kernel);
        INDArray cols = WindowKernels.im2col(x.value(), g, keepCols);
        INDArray flatKernel = ConvOps.flatKernel(kernel.value());
        INDArray z = FusedConvScratch.borrow(FusedConvScratch.Role.PRODUCT, x.dtype(), cols.size(0), flatKernel.size(1));
        Nd4j.gemm(cols, flatKernel, z, false, false, 1.0, 0.0);
        WindowKernels.Pooled pooled = WindowKernels.biasReluMaxPool(z, bias == null ? null : bias.value(), p, true);
        int[] positions = pooled.positions();
        INDArray kept = keepCols ? cols : null;
        BackwardRule rule = (u, need) -> convolutionGradients(PoolingOps.unpool(u, positions, convShape), x, kept,
                kernel, bias, g, need);
        return record("conv2dBiasReluPool", pooled.values(), rule, x, kernel, bias);
    }

    /**
     * {@code u ⊙ [y > 0]} for a relu output {@code y} (a constant): the gradient of relu at its
     * output {@code y}. Linear in {@code u} and self-adjoint, so its own gradient is itself.
     */
    static Tensor reluGate(Tensor u, INDArray y) {
        if (!Arrays.equals(u.shape(), y.shape())) {
            throw new IllegalArgumentException("reluGate: gradient " + Arrays.toString(u.shape())
                    + " for an output of " + Arrays.toString(y.shape()));
        }
        INDArray out = Nd4j.createUninitialized(u.dtype(), u.shape(), 'c');
        Nd4j.exec(new ThresholdReluBp(y, u.value(), out, 0.0));
        return Ops.result("reluGate", out, (v, need) -> new Tensor[] {reluGate(v, y)}, u);
    }

    /**
     * The gradients of a convolution for the pre-activation gradient {@code dz}; {@code cols} is
     * the forward pass' patch matrix, or {@code null} when it was not kept (built again if the
     * filter gradient is asked for after all, e.g. of a kernel watched after the forward pass).
     */
    private static Tensor[] convolutionGradients(Tensor dz, Tensor x, INDArray cols, Tensor kernel, Tensor bias,
                                                 PatchGeometry g, boolean[] need) {
        return new Tensor[] {
            need[0] ? ConvOps.conv2dBackpropInput(dz, kernel, g) : null,
            need[1] ? ConvOps.backpropFilter(x, cols != null ? cols : WindowKernels.im2col(x.value(), g, true), dz, g)
                    : null,
            need.length > 2 && need[2] ? Ops.sumTo(dz, bias.shape()) : null};
    }

    private static Tensor record(String op, INDArray value, BackwardRule rule, Tensor x, Tensor kernel, Tensor bias) {
        return bias == null ? Ops.result(op, value, rule, x, kernel) : Ops.result(op, value, rule, x, kernel, bias);
    }
}
