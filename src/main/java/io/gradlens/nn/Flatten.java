package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens every non-batch axis into one, in row-major (channels-last) order like Keras. */
public final class Flatten implements Layer {

    private final String name;

    public Flatten(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "flatten";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        return Ops.reshape(x, x.size(0), -1);
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
    public long[] outputShape(long[] in) {
        long n = 1;
        for (long d : in) {
            n *= d;
        }
        return new long[] {n};
    }
}
