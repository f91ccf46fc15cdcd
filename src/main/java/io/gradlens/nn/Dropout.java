package io.gradlens.nn;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inverted dropout (Srivastava et al. 2014) while training; the identity at inference. The mask
 * is drawn from the context's seeded random source and recorded on the tape.
 */
public final class Dropout implements Layer {

    private final String name;
    private final double rate;

    public Dropout(String name, double rate) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("dropout '" + name + "': rate must be in [0, 1), got " + rate);
        }
        this.name = name;
        this.rate = rate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        return context.isTraining() ? NnOps.dropout(x, rate, context.random()) : x;
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rate", rate);
        return c;
    }

    @Override
    public long[] outputShape(long[] in) {
        return in.clone();
    }
}
