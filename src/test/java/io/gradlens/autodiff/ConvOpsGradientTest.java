package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertClose;
import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused convolution operations ({@link ConvOps}): values against a direct four-loop
 * convolution, and first- and second-order gradients of each of the three operations against
 * central finite differences in float64, for plain, strided and dilated (in height and in width)
 * geometries.
 */
class ConvOpsGradientTest {

    /** Input [2, 5, 6, 3], kernel 2×3 (or 2×2), with strides and dilations in either axis. */
    private static final long[] IMAGE = {2, 5, 6, 3};
    private static final List<PatchGeometry> GEOMETRIES = List.of(
            PatchGeometry.of(IMAGE, 2, 3, 1, 1, 1, 1),
            PatchGeometry.of(IMAGE, 2, 2, 2, 2, 1, 1),
            PatchGeometry.of(IMAGE, 2, 2, 1, 2, 2, 1),
            PatchGeometry.of(IMAGE, 2, 2, 2, 1, 1, 2));
    private static final int FILTERS = 4;

    private static Tensor u(long seed, long... shape) {
        return uniform(seed, -1, 1, shape);
    }

    private static Tensor kernel(PatchGeometry g, long seed) {
        return u(seed, g.kh(), g.kw(), g.channels(), FILTERS);
    }

    private static Tensor outputGradient(PatchGeometry g, long seed) {
        return u(seed, g.n(), g.outH(), g.outW(), FILTERS);
    }

    /** {@code y[n,i,j,f] = b[f] + Σ x[n, i·sh + a·dh, j·sw + b·dw, c] · k[a, b, c, f]}, by loops. */
    private static INDArray directConvolution(INDArray x, INDArray k, INDArray bias, PatchGeometry g) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, g.n(), g.outH(), g.outW(), k.size(3));
        for (int n = 0; n < g.n(); n++) {
            for (int i = 0; i < g.outH(); i++) {
                for (int j = 0; j < g.outW(); j++) {
                    for (int f = 0; f < k.size(3); f++) {
                        double sum = bias.getDouble(f);
                        for (int a = 0; a < g.kh(); a++) {
                            for (int b = 0; b < g.kw(); b++) {
                                for (int c = 0; c < g.channels(); c++) {
                                    sum += x.getDouble(n, i * g.sh() + a * g.dh(), j * g.sw() + b * g.dw(), c)
                                            * k.getDouble(a, b, c, f);
                                }
                            }
                        }
                        y.putScalar(new long[] {n, i, j, f}, sum);
                    }
                }
            }
        }
        return y;
    }

    @Test
    void conv2dEqualsTheDirectConvolution() {
        Tensor x = u(1, IMAGE);
        Tensor bias = u(3, FILTERS);
        for (PatchGeometry g : GEOMETRIES) {
            Tensor k = kernel(g, 2);
            assertClose("conv2d " + g, ConvOps.conv2d(x, k, bias, g).value(),
                    directConvolution(x.value(), k.value(), bias.value(), g));
        }
    }

    @Test
    void theBackpropOperationsAreTheAdjointsOfConvolution() {
        // <conv2d(x, k), g> = <x, backpropInput(g, k)> = <k, backpropFilter(x, g)>
        Tensor x = u(1, IMAGE);
        for (PatchGeometry g : GEOMETRIES) {
            Tensor k = kernel(g, 2);
            Tensor grad = outputGradient(g, 4);
            double forward = ConvOps.conv2d(x, k, null, g).value().mul(grad.value()).sumNumber().doubleValue();
            double input = ConvOps.conv2dBackpropInput(grad, k, g).value().mul(x.value()).sumNumber().doubleValue();
            double filter = ConvOps.conv2dBackpropFilter(x, grad, g).value().mul(k.value()).sumNumber().doubleValue();
            assertEquals(forward, input, 1e-12, "input adjoint " + g);
            assertEquals(forward, filter, 1e-12, "filter adjoint " + g);
        }
    }

    @Test
    void conv2dFirstAndSecondOrder() {
        Tensor x = u(1, IMAGE);
        Tensor bias = u(3, FILTERS);
        for (PatchGeometry g : GEOMETRIES) {
            // bilinear on its own; tanh after it makes every second derivative non-trivial
            assertGradients("conv2d " + g, xs -> ConvOps.conv2d(xs[0], xs[1], xs[2], g), x, kernel(g, 2), bias);
            assertGradients("tanh∘conv2d " + g, xs -> Ops.tanh(ConvOps.conv2d(xs[0], xs[1], xs[2], g)), x,
                    kernel(g, 2), bias);
        }
    }

    @Test
    void backpropInputFirstAndSecondOrder() {
        for (PatchGeometry g : GEOMETRIES) {
            assertGradients("tanh∘conv2dBackpropInput " + g,
                    xs -> Ops.tanh(ConvOps.conv2dBackpropInput(xs[0], xs[1], g)), outputGradient(g, 4), kernel(g, 2));
        }
    }

    @Test
    void backpropFilterFirstAndSecondOrder() {
        Tensor x = u(1, IMAGE);
        for (PatchGeometry g : GEOMETRIES) {
            assertGradients("tanh∘conv2dBackpropFilter " + g,
                    xs -> Ops.tanh(ConvOps.conv2dBackpropFilter(xs[0], xs[1], g)), x, outputGradient(g, 4));
        }
    }

    @Test
    void thirdOrderOfAConvolutionThroughNestedTapes() {
        // f(x) = Σ tanh(conv2d(x, k))·w; d/dx of (v · ∇f) is checked by assertGradients on the inner gradient
        PatchGeometry g = GEOMETRIES.get(1);
        Tensor k = kernel(g, 2);
        Tensor w = u(5, g.n(), g.outH(), g.outW(), FILTERS);
        assertGradients("gradient of tanh∘conv2d", xs -> {
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(xs[0]);
                Tensor f = Ops.sum(Ops.mul(Ops.tanh(ConvOps.conv2d(xs[0], k, null, g)), w), false);
                return tape.gradient(f, xs[0]);
            }
        }, u(1, IMAGE));
    }

    @Test
    void float32MatchesFloat64() {
        PatchGeometry g = GEOMETRIES.get(0);
        Tensor x = u(1, IMAGE);
        Tensor k = kernel(g, 2);
        INDArray y64 = ConvOps.conv2d(x, k, null, g).value();
        INDArray y32 = ConvOps.conv2d(Tensor.constant(x.value().castTo(DataType.FLOAT)),
                Tensor.constant(k.value().castTo(DataType.FLOAT)), null, g).value();
        assertEquals(DataType.FLOAT, y32.dataType());
        assertTrue(y32.castTo(DataType.DOUBLE).sub(y64).norm2Number().doubleValue() < 1e-5);
    }

    @Test
    void badShapesAreNamed() {
        PatchGeometry g = GEOMETRIES.get(0);
        Tensor x = u(1, IMAGE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvOps.conv2d(x, u(2, 3, 3, 3, FILTERS), null, g));
        assertTrue(e.getMessage().contains("kernel must be [2, 3, 3, F]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv2d(x, kernel(g, 2), u(3, 5), g));
        assertTrue(e.getMessage().contains("bias must be [4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvOps.conv2dBackpropInput(u(4, 2, 3, 3, FILTERS), kernel(g, 2), g));
        assertTrue(e.getMessage().contains("gradient must be [2, 4, 4, 4]"), e.getMessage());
    }
}
