package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import java.util.Map;

/** Updates variables in place from their gradients. */
public interface Optimizer {

    /** One update of each named variable by its gradient (same names). */
    void step(Map<String, Tensor> variables, Map<String, Tensor> gradients);

    /** The learning rate of the next step (for TracIn checkpoints). */
    double learningRate();

    /** A name for provenance, e.g. {@code adam}. */
    String name();
}
