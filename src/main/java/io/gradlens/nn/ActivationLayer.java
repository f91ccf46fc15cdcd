package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Applies an activation function on its own (Keras {@code Activation} layer). */
public final class ActivationLayer implements Layer {

    private final String name;
    private final Activation activation;

    public ActivationLayer(String name, Activation activation) {
        this.name = name;
        this.activation = activation;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "activation";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        return activation.apply(x);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("activation", activation.kerasName());
        return c;
    }

    @Override
    public long[] outputShape(long[] in) {
        return in.clone();
    }
}
