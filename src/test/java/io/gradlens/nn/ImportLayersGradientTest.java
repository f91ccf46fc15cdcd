package io.gradlens.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.autodiff.GradientCheck;
import io.gradlens.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The layers added for Keras import (Bidirectional, Masking, binary_logits, Keras 3 hard sigmoid,
 * non-masking embeddings) in float64 models: input gradients against finite differences on padded
 * batches, to second order through Masking and Bidirectional.
 */
class ImportLayersGradientTest {

    /** One unpadded row, one padded before and after its tokens. */
    private static final int[][] IDS = {{3, 5, 1, 6}, {0, 2, 3, 0}};

    private static void checkFromEmbedding(String what, Sequential model, boolean secondOrder) {
        Tensor ids = Embedding.ids(IDS);
        ForwardContext ctx = ForwardContext.inference();
        InputStage stage = InputStage.of(model, ids, ctx);
        Tensor mask = ctx.sequenceMask();
        GradientCheck.Fn f = xs -> {
            ForwardContext c = ForwardContext.inference();
            c.setSequenceMask(mask);
            return stage.logits(model, xs[0], c);
        };
        if (secondOrder) {
            GradientCheck.assertGradients(what, f, stage.embedded().detach());
        } else {
            GradientCheck.assertFirstOrder(what, f, stage.embedded().detach());
        }
    }

    @Test
    void bidirectionalLstmSequencesOverPaddedText() {
        Sequential model = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 5)
                .add("embedding", "embedding", Map.of("input_dim", 7, "output_dim", 2))
                .add("bidirectional", "bi", Map.of("merge_mode", "concat", "layer", Map.of("type", "lstm",
                        "config", Map.of("units", 3, "return_sequences", true,
                                "recurrent_activation", "hard_sigmoid_keras3"))))
                .add("global_average_pool1d", "pool", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        assertEquals(List.of(4L, 6L), List.of(model.layer(1).outputShape(new long[] {4, 2})[0],
                model.layer(1).outputShape(new long[] {4, 2})[1]));
        checkFromEmbedding("bidirectional lstm", model, false);
    }

    @Test
    void bidirectionalGruLastStateMergedBySumAndMul() {
        for (String merge : List.of("sum", "ave", "mul")) {
            Sequential model = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 6)
                    .add("embedding", "embedding", Map.of("input_dim", 7, "output_dim", 2))
                    .add("bidirectional", "bi", Map.of("merge_mode", merge, "layer", Map.of("type", "gru",
                            "config", Map.of("units", 3, "reset_after", true))))
                    .add("dense", "out", Map.of("units", 1, "activation", "linear"))
                    .add("binary_logits", "logits", Map.of())
                    .build();
            checkFromEmbedding("bidirectional gru " + merge, model, false);
        }
    }

    @Test
    void maskingOverNumericSequencesAndAnUnmaskedEmbedding() {
        Sequential masked = Sequential.builder(new long[] {4, 2}, DataType.DOUBLE, 7)
                .add("masking", "mask", Map.of("mask_value", 0.0))
                .add("bidirectional", "bi", Map.of("merge_mode", "concat", "layer", Map.of("type", "simple_rnn",
                        "config", Map.of("units", 2))))
                .add("dense", "out", Map.of("units", 2))
                .build();
        // Row 1's last step is padding (all features = mask_value). The mask is a step function of the
        // input, so the checked function keeps that step at the mask value: its gradient there is 0.
        Tensor keep = Tensor.constant(org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 2, 4, 2));
        keep.value().putScalar(new long[] {1, 3, 0}, 0.0);
        keep.value().putScalar(new long[] {1, 3, 1}, 0.0);
        Tensor x = GradientCheck.uniform(3, -1, 1, 2, 4, 2);
        ForwardContext probe = ForwardContext.inference();
        masked.forward(io.gradlens.autodiff.Ops.mul(x, keep), probe);
        assertEquals(0.0, probe.sequenceMask().value().getDouble(1, 3));
        assertEquals(1.0, probe.sequenceMask().value().getDouble(1, 2));
        GradientCheck.assertGradients("masking", xs -> masked.forward(io.gradlens.autodiff.Ops.mul(xs[0], keep),
                ForwardContext.inference()), x);

        Sequential plain = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 8)
                .add("embedding", "embedding", Map.of("input_dim", 7, "output_dim", 2, "mask_zero", false))
                .add("lstm", "lstm", Map.of("units", 2))
                .add("dense", "out", Map.of("units", 2))
                .build();
        ForwardContext ctx = ForwardContext.inference();
        plain.forward(Embedding.ids(IDS), ctx, 0, 1);
        assertEquals(null, ctx.sequenceMask());
        checkFromEmbedding("embedding without mask", plain, false);
    }
}
