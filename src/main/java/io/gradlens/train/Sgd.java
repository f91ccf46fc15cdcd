package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic gradient descent, plain ({@code θ ← θ − η·g}) or with classical momentum
 * ({@code u ← μ·u + g}, {@code θ ← θ − η·u}; Polyak 1964, in the form of Sutskever, Martens, Dahl
 * and Hinton 2013, "On the importance of initialization and momentum in deep learning", ICML, and
 * of PyTorch's {@code SGD(momentum=μ)} without dampening). The first step equals plain SGD.
 */
public final class Sgd implements Optimizer {

    private final double learningRate;
    private final double momentum;
    private final Map<String, INDArray> velocity = new HashMap<>();

    /** Plain SGD. */
    public Sgd(double learningRate) {
        this(learningRate, 0);
    }

    /**
     * @param momentum μ in [0, 1); 0 is plain SGD
     */
    public Sgd(double learningRate, double momentum) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public void step(Map<String, Tensor> variables, Map<String, Tensor> gradients) {
        for (Map.Entry<String, Tensor> e : variables.entrySet()) {
            Tensor g = gradients.get(e.getKey());
            if (g == null) {
                continue;
            }
            if (momentum == 0) {
                e.getValue().value().subi(g.value().mul(learningRate));
                continue;
            }
            INDArray u = velocity.get(e.getKey());
            if (u == null) {
                // the velocity outlives the step: never in a step's workspace
                u = StepWorkspace.outside(() -> g.value().dup());
                velocity.put(e.getKey(), u);
            } else {
                u.muli(momentum).addi(g.value());
            }
            e.getValue().value().subi(u.mul(learningRate));
        }
    }

    /** μ; 0 for plain SGD. */
    public double momentum() {
        return momentum;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String name() {
        return momentum == 0 ? "sgd" : "sgd-momentum";
    }
}
