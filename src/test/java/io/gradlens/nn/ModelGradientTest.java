package io.gradlens.nn;

import static io.gradlens.autodiff.GradientCheck.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.autodiff.GradientCheck;
import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.autodiff.UnconnectedGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whole models in float64: the gradient of a scalar of the logits with respect to every weight
 * and to the (embedded) input, against central finite differences; second order through the
 * input gradient.
 */
class ModelGradientTest {

    private static final int[][] IDS = {{3, 5, 1, 6}, {4, 4, 0, 0}};

    static Sequential textModel(String rnn, Map<String, Object> rnnConfig) {
        return Sequential.builder(new long[] {-1}, DataType.DOUBLE, 11)
                .add("embedding", Map.of("input_dim", 7, "output_dim", 2))
                .add(rnn, rnnConfig)
                .add("dense", Map.of("units", 3))
                .build();
    }

    /** log p of class 1 summed over the batch, a smooth scalar of the logits. */
    private static Tensor objective(Tensor logits) {
        return Ops.sum(NnOps.pick(NnOps.logSoftmax(logits, 1), new int[] {1, 1}), false);
    }

    private static void assertWeightGradients(String what, Sequential model, Supplier<Tensor> scalar) {
        Map<String, Tensor> params = model.parameters();
        List<Tensor> analytic;
        try (GradientTape tape = GradientTape.open()) {
            analytic = tape.gradient(scalar.get(), new ArrayList<>(params.values()), UnconnectedGradients.RAISE);
        }
        int i = 0;
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            assertClose(what + " " + e.getKey(), analytic.get(i++).value(), numeric(e.getValue(), scalar));
        }
    }

    static INDArray numeric(Tensor variable, Supplier<Tensor> scalar) {
        INDArray flat = variable.value().reshape(variable.length());
        INDArray out = flat.ulike();
        double eps = 1e-5;
        for (long k = 0; k < flat.length(); k++) {
            double orig = flat.getDouble(k);
            flat.putScalar(k, orig + eps);
            double plus = scalar.get().item();
            flat.putScalar(k, orig - eps);
            double minus = scalar.get().item();
            flat.putScalar(k, orig);
            out.putScalar(k, (plus - minus) / (2 * eps));
        }
        return out.reshape(variable.shape());
    }

    private static void checkTextModel(String what, Sequential model) {
        Tensor ids = Embedding.ids(IDS);
        assertWeightGradients(what, model, () -> objective(model.forward(ids, ForwardContext.inference())));
        // first and second order with respect to the embedding output, padding mask included
        ForwardContext ctx = ForwardContext.inference();
        InputStage stage = InputStage.of(model, ids, ctx);
        Tensor mask = ctx.sequenceMask();
        GradientCheck.assertGradients(what + " input", xs -> {
            ForwardContext c = ForwardContext.inference();
            c.setSequenceMask(mask);
            return stage.logits(model, xs[0], c);
        }, stage.embedded().detach());
    }

    @Test
    void lstm() {
        checkTextModel("lstm", textModel("lstm", Map.of("units", 3)));
    }

    @Test
    void lstmWithHardSigmoidReturningSequences() {
        Sequential model = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 3)
                .add("embedding", Map.of("input_dim", 7, "output_dim", 2))
                .add("lstm", Map.of("units", 3, "return_sequences", true, "recurrent_activation", "hard_sigmoid"))
                .add("global_max_pool1d", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
        checkTextModel("lstm hard sigmoid", model);
    }

    @Test
    void gruBothResetConventions() {
        checkTextModel("gru reset_after", textModel("gru", Map.of("units", 3, "reset_after", true)));
        checkTextModel("gru reset_before", textModel("gru", Map.of("units", 3, "reset_after", false)));
    }

    @Test
    void simpleRnn() {
        checkTextModel("simple_rnn", textModel("simple_rnn", Map.of("units", 3)));
    }

    @Test
    void textCnnConv1d() {
        Sequential model = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 5)
                .add("embedding", Map.of("input_dim", 7, "output_dim", 2))
                .add("conv1d", Map.of("filters", 4, "kernel_size", 2, "padding", "same", "activation", "tanh"))
                .add("global_max_pool1d", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
        checkTextModel("conv1d", model);
    }

    @Test
    void imageCnnConv2d() {
        Sequential model = Sequential.builder(new long[] {5, 5, 1}, DataType.DOUBLE, 9)
                .add("conv2d", Map.of("filters", 2, "kernel_size", 3, "padding", "same", "activation", "tanh"))
                .add("max_pool2d", Map.of("pool_size", 2))
                .add("conv2d", Map.of("filters", 2, "kernel_size", List.of(2, 2), "strides", 1, "activation",
                        "sigmoid"))
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
        Tensor images = GradientCheck.uniform(4, -1, 1, 2, 5, 5, 1);
        assertWeightGradients("conv2d", model, () -> objective(model.forward(images, ForwardContext.inference())));
        GradientCheck.assertGradients("conv2d input", xs -> model.forward(xs[0], ForwardContext.inference()), images);
    }

    @Test
    void shapesFollowKerasLayouts() {
        Map<String, Tensor> p = textModel("lstm", Map.of("units", 3)).parameters();
        assertEquals("[7, 2]", java.util.Arrays.toString(p.get("embedding_1/embeddings").shape()));
        assertEquals("[2, 12]", java.util.Arrays.toString(p.get("lstm_1/kernel").shape()));
        assertEquals("[3, 12]", java.util.Arrays.toString(p.get("lstm_1/recurrent_kernel").shape()));
        assertEquals("[12]", java.util.Arrays.toString(p.get("lstm_1/bias").shape()));
        Map<String, Tensor> g = textModel("gru", Map.of("units", 3)).parameters();
        assertEquals("[2, 9]", java.util.Arrays.toString(g.get("gru_1/bias").shape()));
    }
}
