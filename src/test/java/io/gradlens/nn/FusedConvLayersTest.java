package io.gradlens.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.GradientCheck;
import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.autodiff.UnconnectedGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Sequential} runs a relu convolution and the max pooling after it as one fused operation:
 * its output and its gradients (input and every parameter, first order, and the input-gradient
 * penalty's gradient, second order) equal running the layers one by one, for "valid" and "same"
 * convolutions and poolings.
 */
class FusedConvLayersTest {

    private static Sequential model(DataType dtype, String convPadding, String poolPadding) {
        return Sequential.builder(new long[] {9, 8, 2}, dtype, 7)
                .add("conv2d", Map.of("filters", 4, "kernel_size", 3, "activation", "relu", "padding", convPadding))
                .add("max_pool2d", Map.of("pool_size", 2, "padding", poolPadding))
                .add("conv2d", Map.of("filters", 3, "kernel_size", 2, "activation", "relu"))
                .add("max_pool2d", Map.of("pool_size", 2, "strides", 1))
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
    }

    /** The layers one by one, never fused. */
    private static Tensor layerByLayer(Sequential m, Tensor x) {
        Tensor y = x;
        for (Layer layer : m.layers()) {
            y = layer.forward(y, ForwardContext.inference());
        }
        return y;
    }

    @Test
    void fusedLayersEqualTheLayersOneByOne() {
        for (DataType dtype : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            for (String[] pads : List.of(new String[] {"valid", "valid"}, new String[] {"same", "same"})) {
                Sequential m = model(dtype, pads[0], pads[1]);
                Tensor x = Tensor.constant(GradientCheck.uniform(3, -1, 1, 2, 9, 8, 2).value().castTo(dtype));
                double tolerance = dtype == DataType.DOUBLE ? 1e-12 : 1e-6;
                String what = dtype + " " + pads[0] + "/" + pads[1];
                List<Tensor> fused = gradients(m, x, true);
                List<Tensor> unfused = gradients(m, x, false);
                assertEquals(unfused.size(), fused.size());
                for (int i = 0; i < fused.size(); i++) {
                    assertClose(what + " #" + i, fused.get(i).value(), unfused.get(i).value(), tolerance);
                }
            }
        }
    }

    /**
     * The output, then the gradient of the loss {@code Σ w·out + Σ (∂out₀/∂x)²} (an input-gradient
     * penalty, so second order) with respect to the input and every parameter.
     */
    private static List<Tensor> gradients(Sequential m, Tensor x, boolean fused) {
        List<Tensor> watched = new ArrayList<>(List.of(x));
        m.parameters().values().forEach(watched::add);
        try (GradientTape outer = GradientTape.open()) {
            outer.watch(watched.toArray(new Tensor[0]));
            Tensor out;
            Tensor penalty;
            try (GradientTape inner = GradientTape.open()) {
                inner.watch(x);
                out = fused ? m.forward(x, ForwardContext.inference()) : layerByLayer(m, x);
                Tensor dx = inner.gradient(Ops.sum(out, false), x);
                penalty = Ops.sum(Ops.mul(dx, dx), false);
            }
            Tensor w = Tensor.constant(GradientCheck.uniform(5, -1, 1, out.shape()).value().castTo(out.dtype()));
            Tensor loss = Ops.add(Ops.sum(Ops.mul(out, w), false), penalty);
            List<Tensor> result = new ArrayList<>(List.of(out));
            result.addAll(outer.gradient(loss, watched, UnconnectedGradients.ZERO));
            return result;
        }
    }

    private static void assertClose(String what, INDArray a, INDArray b, double tolerance) {
        assertEquals(java.util.Arrays.toString(b.shape()), java.util.Arrays.toString(a.shape()), what);
        double scale = Math.max(b.castTo(DataType.DOUBLE).norm2Number().doubleValue(), 1e-3);
        double rel = a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).norm2Number().doubleValue() / scale;
        assertTrue(rel <= tolerance, what + ": relative difference " + rel);
    }

    @Test
    void theContextRecordsThePoolingButNotTheFusedConvolution() {
        Sequential m = model(DataType.DOUBLE, "valid", "valid");
        ForwardContext context = ForwardContext.inference();
        m.forward(GradientCheck.uniform(3, -1, 1, 2, 9, 8, 2), context);
        String conv = m.layer(0).name();
        String pool = m.layer(1).name();
        assertNull(context.output(conv));
        assertEquals(List.of(2L, 3L, 3L, 4L), shape(context.output(pool)));
    }

    @Test
    void aRangeThatSplitsThePairRunsTheConvolutionAlone() {
        Sequential m = model(DataType.DOUBLE, "valid", "valid");
        Tensor x = GradientCheck.uniform(3, -1, 1, 2, 9, 8, 2);
        Tensor conv = m.forward(x, ForwardContext.inference(), 0, 1);
        assertEquals(List.of(2L, 7L, 6L, 4L), shape(conv));
        assertClose("split", m.forward(conv, ForwardContext.inference(), 1, m.layers().size()).value(),
                m.forward(x, ForwardContext.inference()).value(), 1e-12);
    }

    private static List<Long> shape(Tensor t) {
        List<Long> s = new ArrayList<>();
        for (long d : t.shape()) {
            s.add(d);
        }
        return s;
    }
}
