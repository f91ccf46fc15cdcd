package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;

/**
 * Where input gradients are taken. For a model that reads token ids, the gradient with respect to
 * integer ids does not exist, so explanations differentiate with respect to the embedding output
 * [B, T, E] (layer 0's output) and run the rest of the model from layer 1. For any other model the
 * input itself is differentiated and the whole model runs.
 *
 * @param embedded   the tensor to differentiate with respect to
 * @param firstLayer the index of the first layer still to run on {@code embedded}
 */
public record InputStage(Tensor embedded, int firstLayer) {

    /** Runs the input stage of {@code model} on {@code input}. */
    public static InputStage of(Sequential model, Tensor input, ForwardContext context) {
        if (model.takesTokenIds()) {
            return new InputStage(model.forward(input, context, 0, 1), 1);
        }
        return new InputStage(input, 0);
    }

    /** Runs the rest of the model on {@code x} (the embedded input or a replacement of it). */
    public Tensor logits(Sequential model, Tensor x, ForwardContext context) {
        return model.forward(x, context, firstLayer, model.layers().size());
    }
}
