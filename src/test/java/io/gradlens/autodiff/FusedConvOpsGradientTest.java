package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused convolutions ({@link FusedConvOps}) against the unfused chain conv2d → relu →
 * max pooling: equal values and equal gradients (float64 and float32), and first- and
 * second-order gradients against central finite differences, for plain, strided, dilated and
 * padded convolutions, valid, "same" and overlapping pooling, batch 2.
 */
class FusedConvOpsGradientTest {

    private static final long[] IMAGE = {2, 6, 7, 3};
    private static final int FILTERS = 4;

    /** A convolution geometry with a pooling of its output: kernel, strides, dilations, pool. */
    private record Case(String name, PatchGeometry conv, PoolGeometry pool, long[] padding) {
    }

    private static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        PatchGeometry plain = PatchGeometry.of(IMAGE, 2, 3, 1, 1, 1, 1);
        out.add(new Case("plain conv, 2x2 pool", plain, pool(plain, 2, 2, 2, 2, new int[4]), null));
        PatchGeometry strided = PatchGeometry.of(IMAGE, 2, 2, 2, 1, 1, 1);
        out.add(new Case("strided conv, overlapping 2x2/1 pool", strided, pool(strided, 2, 2, 1, 1, new int[4]), null));
        PatchGeometry dilated = PatchGeometry.of(IMAGE, 2, 2, 1, 1, 2, 1);
        out.add(new Case("dilated conv, 'same' 2x2 pool", dilated, pool(dilated, 2, 2, 2, 2, new int[] {0, 0, 0, 1}),
                null));
        // "same" convolution: the input padded by one on every side (Ops.padInto, as Conv2d does)
        long[] padded = {IMAGE[0], IMAGE[1] + 2, IMAGE[2] + 2, IMAGE[3]};
        PatchGeometry same = PatchGeometry.of(padded, 3, 3, 1, 1, 1, 1);
        out.add(new Case("padded 3x3 conv, 3x3/2 'same' pool", same, pool(same, 3, 3, 2, 2, new int[] {1, 1, 1, 1}),
                new long[] {0, 1, 1, 0}));
        return out;
    }

    private static PoolGeometry pool(PatchGeometry g, int kh, int kw, int sh, int sw, int[] pad) {
        return PoolGeometry.of(new long[] {g.n(), g.outH(), g.outW(), FILTERS}, kh, kw, sh, sw, pad);
    }

    private static Tensor u(long seed, long... shape) {
        return uniform(seed, -1, 1, shape);
    }

    private static Tensor kernel(PatchGeometry g, long seed) {
        return u(seed, g.kh(), g.kw(), g.channels(), FILTERS);
    }

    private static Tensor input(Case c, Tensor x) {
        if (c.padding() == null) {
            return x;
        }
        long[] full = {c.conv().n(), c.conv().height(), c.conv().width(), c.conv().channels()};
        return Ops.padInto(x, full, c.padding());
    }

    private static Tensor fusedRelu(Case c, Tensor... xs) {
        return FusedConvOps.conv2dBiasRelu(input(c, xs[0]), xs[1], xs[2], c.conv());
    }

    private static Tensor fusedPool(Case c, Tensor... xs) {
        return FusedConvOps.conv2dBiasReluPool(input(c, xs[0]), xs[1], xs[2], c.conv(), c.pool());
    }

    private static Tensor unfusedRelu(Case c, Tensor... xs) {
        return Ops.relu(ConvOps.conv2d(input(c, xs[0]), xs[1], xs[2], c.conv()));
    }

    private static Tensor unfusedPool(Case c, Tensor... xs) {
        return PoolingOps.maxPool2d(unfusedRelu(c, xs), c.pool());
    }

    @Test
    void fusedValuesAndGradientsEqualTheUnfusedChainInFloat64() {
        for (Case c : cases()) {
            Tensor[] xs = {u(1, IMAGE), kernel(c.conv(), 2), u(3, FILTERS)};
            assertSame(c.name() + " conv+bias+relu", fusedRelu(c, xs), unfusedRelu(c, xs), xs, f -> fusedRelu(c, f),
                    f -> unfusedRelu(c, f), 1e-12);
            assertSame(c.name() + " conv+bias+relu+pool", fusedPool(c, xs), unfusedPool(c, xs), xs,
                    f -> fusedPool(c, f), f -> unfusedPool(c, f), 1e-12);
        }
    }

    @Test
    void fusedValuesAndGradientsEqualTheUnfusedChainInFloat32() {
        for (Case c : cases()) {
            Tensor[] xs = {float32(u(1, IMAGE)), float32(kernel(c.conv(), 2)), float32(u(3, FILTERS))};
            Tensor fused = fusedPool(c, xs);
            assertEquals(DataType.FLOAT, fused.dtype());
            assertSame(c.name() + " float32 conv+bias+relu", fusedRelu(c, xs), unfusedRelu(c, xs), xs,
                    f -> fusedRelu(c, f), f -> unfusedRelu(c, f), 1e-6);
            assertSame(c.name() + " float32 conv+bias+relu+pool", fused, unfusedPool(c, xs), xs,
                    f -> fusedPool(c, f), f -> unfusedPool(c, f), 1e-6);
        }
    }

    private static Tensor float32(Tensor t) {
        return Tensor.constant(t.value().castTo(DataType.FLOAT));
    }

    /** Equal values, and equal gradients of {@code Σ w ⊙ out} with respect to every input. */
    private static void assertSame(String what, Tensor fused, Tensor unfused, Tensor[] xs, GradientCheck.Fn f,
                                   GradientCheck.Fn g, double tolerance) {
        assertRelative(what + " value", fused.value(), unfused.value(), tolerance);
        Tensor w = Tensor.constant(u(99, fused.shape()).value().castTo(fused.dtype()));
        List<Tensor> a = gradients(f, w, xs);
        List<Tensor> b = gradients(g, w, xs);
        for (int i = 0; i < xs.length; i++) {
            assertRelative(what + " gradient " + i, a.get(i).value(), b.get(i).value(), tolerance);
        }
    }

    private static List<Tensor> gradients(GradientCheck.Fn f, Tensor w, Tensor[] xs) {
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(xs);
            return tape.gradient(Ops.sum(Ops.mul(f.apply(xs), w), false), List.of(xs), UnconnectedGradients.ZERO);
        }
    }

    private static void assertRelative(String what, INDArray a, INDArray b, double tolerance) {
        assertEquals(java.util.Arrays.toString(b.shape()), java.util.Arrays.toString(a.shape()), what + ": shape");
        INDArray a64 = a.castTo(DataType.DOUBLE);
        INDArray b64 = b.castTo(DataType.DOUBLE);
        double scale = Math.max(b64.norm2Number().doubleValue(), 1e-3);
        double rel = a64.sub(b64).norm2Number().doubleValue() / scale;
        assertTrue(rel <= tolerance, what + ": relative difference " + rel);
    }

    @Test
    void convBiasReluFirstAndSecondOrder() {
        for (Case c : cases()) {
            // tanh after the op makes the second derivatives through the bilinear (x, K) non-trivial
            assertGradients("tanh∘conv2dBiasRelu " + c.name(), xs -> Ops.tanh(fusedRelu(c, xs)), u(1, IMAGE),
                    kernel(c.conv(), 2), u(3, FILTERS));
        }
    }

    @Test
    void convBiasReluPoolFirstAndSecondOrder() {
        for (Case c : cases()) {
            assertGradients("tanh∘conv2dBiasReluPool " + c.name(), xs -> Ops.tanh(fusedPool(c, xs)),
                    u(1, IMAGE), kernel(c.conv(), 2), u(3, FILTERS));
        }
    }

    @Test
    void withoutBias() {
        Case c = cases().get(0);
        Tensor x = u(1, IMAGE);
        Tensor k = kernel(c.conv(), 2);
        assertRelative("no bias", FusedConvOps.conv2dBiasReluPool(x, k, null, c.conv(), c.pool()).value(),
                PoolingOps.maxPool2d(Ops.relu(ConvOps.conv2d(x, k, null, c.conv())), c.pool()).value(), 1e-12);
        assertGradients("tanh∘conv2dBiasReluPool without bias",
                xs -> Ops.tanh(FusedConvOps.conv2dBiasReluPool(xs[0], xs[1], null, c.conv(), c.pool())), x, k);
    }

    @Test
    void thirdOrderThroughNestedTapes() {
        // the input gradient of Σ w ⊙ tanh(fused(x)) is itself checked to second order: third order overall
        Case c = cases().get(1);
        Tensor k = kernel(c.conv(), 2);
        Tensor b = u(3, FILTERS);
        Tensor w = u(5, c.pool().outputShape());
        assertGradients("gradient of tanh∘conv2dBiasReluPool", xs -> {
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(xs[0]);
                Tensor f = Ops.sum(Ops.mul(Ops.tanh(fusedPool(c, xs[0], k, b)), w), false);
                return tape.gradient(f, xs[0]);
            }
        }, u(1, IMAGE));
    }

    @Test
    void reluGateIsLinearAndItsOwnAdjoint() {
        Tensor y = Ops.relu(u(4, 2, 3, 4));
        assertGradients("reluGate", xs -> Ops.tanh(FusedConvOps.reluGate(xs[0], y.value())), u(5, 2, 3, 4));
        Tensor g = u(6, 2, 3, 4);
        INDArray gated = FusedConvOps.reluGate(g, y.value()).value();
        for (long k = 0; k < g.length(); k++) {
            double expected = y.value().reshape(-1).getDouble(k) > 0 ? g.value().reshape(-1).getDouble(k) : 0.0;
            assertEquals(expected, gated.reshape(-1).getDouble(k), 0.0);
        }
    }

    @Test
    void aKernelWatchedAfterTheForwardPassStillGetsItsGradient() {
        // the patch matrix is not kept when no tape tracks the kernel; it is rebuilt if asked for
        Case c = cases().get(0);
        Tensor x = u(1, IMAGE);
        Tensor k = kernel(c.conv(), 2);
        Tensor b = u(3, FILTERS);
        Tensor late;
        try (GradientTape tape = GradientTape.open(false, false)) {
            tape.watch(x);
            Tensor y = FusedConvOps.conv2dBiasReluPool(x, k, b, c.conv(), c.pool());
            tape.watch(k);
            late = tape.gradient(Ops.sum(y, false), k);
        }
        Tensor expected;
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(k);
            expected = tape.gradient(Ops.sum(unfusedPool(c, x, k, b), false), k);
        }
        assertRelative("late kernel gradient", late.value(), expected.value(), 1e-12);
    }

    @Test
    void scratchArraysDoNotLeakBetweenBatchesOfOneShape() {
        // large enough for FusedConvScratch (cols·K is [4096, 16]): two batches of one shape in a
        // row share the temporaries, and each input gradient (a saliency map) stays its own
        long[] image = {4, 34, 34, 2};
        PatchGeometry g = PatchGeometry.of(image, 3, 3, 1, 1, 1, 1);
        PoolGeometry p = PoolGeometry.of(new long[] {4, 32, 32, 16}, 2, 2, 2, 2, new int[4]);
        Tensor k = Tensor.constant(u(2, 3, 3, 2, 16).value().castTo(DataType.FLOAT));
        Tensor b = Tensor.constant(u(3, 16).value().castTo(DataType.FLOAT));
        Tensor x1 = Tensor.constant(u(11, image).value().castTo(DataType.FLOAT));
        Tensor x2 = Tensor.constant(u(12, image).value().castTo(DataType.FLOAT));
        Tensor[] first = saliency(x1, k, b, g, p, true);
        Tensor[] second = saliency(x2, k, b, g, p, true);
        Tensor[] firstAgain = saliency(x1, k, b, g, p, true);
        Tensor[] unfused = saliency(x1, k, b, g, p, false);
        for (int i = 0; i < 2; i++) {
            assertRelative("repeat " + i, firstAgain[i].value(), first[i].value(), 0.0);
            assertRelative("unfused " + i, first[i].value(), unfused[i].value(), 1e-6);
            assertTrue(second[i].value().sub(first[i].value()).norm2Number().doubleValue() > 0, "batches differ");
        }
    }

    /** The pooled output and its input gradient for {@code Σ out²}, fused or not. */
    private static Tensor[] saliency(Tensor x, Tensor k, Tensor b, PatchGeometry g, PoolGeometry p, boolean fused) {
        try (GradientTape tape = GradientTape.open(false, false)) {
            tape.watch(x);
            Tensor y = fused ? FusedConvOps.conv2dBiasReluPool(x, k, b, g, p)
                    : PoolingOps.maxPool2d(Ops.relu(ConvOps.conv2d(x, k, b, g)), p);
            return new Tensor[] {y, tape.gradient(Ops.sum(Ops.mul(y, y), false), x)};
        }
    }

    @Test
    void aMismatchedPoolingGeometryIsNamed() {
        Case c = cases().get(0);
        PoolGeometry wrong = PoolGeometry.of(new long[] {2, 3, 3, FILTERS}, 2, 2, 2, 2, new int[4]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FusedConvOps.conv2dBiasReluPool(u(1, IMAGE), kernel(c.conv(), 2), null, c.conv(), wrong));
        assertTrue(e.getMessage().contains("the convolution gives [2, 5, 5, 4]"), e.getMessage());
    }
}
