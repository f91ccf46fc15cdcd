package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import java.util.Map;

/** Plain stochastic gradient descent {@code θ ← θ − η·g}. */
public final class Sgd implements Optimizer {

    private final double learningRate;

    public Sgd(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void step(Map<String, Tensor> variables, Map<String, Tensor> gradients) {
        for (Map.Entry<String, Tensor> e : variables.entrySet()) {
            Tensor g = gradients.get(e.getKey());
            if (g != null) {
                e.getValue().value().subi(g.value().mul(learningRate));
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String name() {
        return "sgd";
    }
}
