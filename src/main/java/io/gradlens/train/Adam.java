package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam (Kingma &amp; Ba 2015, https://arxiv.org/abs/1412.6980) with bias correction:
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}, {@code θ ← θ − η·m̂/(√v̂ + ε)}.
 */
public final class Adam implements Optimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();
    private int t;

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(Map<String, Tensor> variables, Map<String, Tensor> gradients) {
        t++;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        double stepSize = learningRate * Math.sqrt(correction2) / correction1;
        for (Map.Entry<String, Tensor> e : variables.entrySet()) {
            Tensor grad = gradients.get(e.getKey());
            if (grad == null) {
                continue;
            }
            INDArray g = grad.value();
            // the moments outlive the step: never in a step's workspace
            INDArray mi = m.computeIfAbsent(e.getKey(), k -> StepWorkspace.outside(() -> g.ulike().assign(0)));
            INDArray vi = v.computeIfAbsent(e.getKey(), k -> StepWorkspace.outside(() -> g.ulike().assign(0)));
            AdamKernel.update(e.getValue().value(), g, mi, vi, beta1, beta2, stepSize,
                    epsilon * Math.sqrt(correction2));
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String name() {
        return "adam";
    }
}
