package io.gradlens.explain;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient × input (Shrikumar, Greenside, Shcherbina and Kundaje 2016, "Not Just a Black Box",
 * <a href="https://arxiv.org/abs/1605.01713">arXiv:1605.01713</a>): {@code x ⊙ ∂f/∂x}, reduced per
 * token or pixel. For a linear model it is each input's exact contribution {@code w·x}; padding is
 * zero in x and so scores zero.
 */
public final class GradientXInput extends InputGradientMethod {

    public GradientXInput(Aggregation aggregation, ExplainedOutput output) {
        super(aggregation, output);
    }

    public static GradientXInput defaults() {
        return new GradientXInput(Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY);
    }

    @Override
    public String name() {
        return "grad-x-input";
    }

    @Override
    INDArray scores(INDArray x, INDArray gradient) {
        return gradient.mul(x);
    }
}
