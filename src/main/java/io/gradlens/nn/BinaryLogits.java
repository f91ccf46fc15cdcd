package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one logit z per example, [B, 1], into the two logits {@code [0, z]}, [B, 2], so that their
 * softmax is exactly {@code [1 − σ(z), σ(z)]}. This is how a binary classifier with a single
 * sigmoid output (a Keras {@code Dense(1, activation="sigmoid")} head) becomes a two-class GradLens
 * classifier without changing any probability. No weights.
 */
public final class BinaryLogits implements Layer {

    private final String name;

    /** @param name the layer name */
    public BinaryLogits(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "binary_logits";
    }

    @Override
    public Tensor forward(Tensor z, ForwardContext context) {
        if (z.rank() != 2 || z.size(1) != 1) {
            throw new IllegalArgumentException("binary_logits layer '" + name + "' expects [batch, 1], got "
                    + Arrays.toString(z.shape()));
        }
        return Ops.concat(1, Tensor.zeros(z.dtype(), z.size(0), 1), z);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        return new LinkedHashMap<>();
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length != 1 || inputShape[0] != 1) {
            throw new IllegalArgumentException("binary_logits layer '" + name + "' needs one input feature, got "
                    + Arrays.toString(inputShape));
        }
        return new long[] {2};
    }
}
