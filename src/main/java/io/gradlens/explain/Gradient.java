package io.gradlens.explain;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Vanilla gradient saliency (Simonyan, Vedaldi and Zisserman 2013, "Deep Inside Convolutional
 * Networks", <a href="https://arxiv.org/abs/1312.6034">arXiv:1312.6034</a>): {@code ∂f/∂x} with
 * {@code f = log p_target} (or the logit) and {@code x} the embedding output (text) or the pixels,
 * reduced per token or pixel by an {@link Aggregation}. Use it first: it is one backward pass, and
 * for a linear model it is exactly the weights.
 */
public final class Gradient extends InputGradientMethod {

    public Gradient(Aggregation aggregation, ExplainedOutput output) {
        super(aggregation, output);
    }

    /** Sum over the embedding axis, of log p_target. */
    public static Gradient defaults() {
        return new Gradient(Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY);
    }

    @Override
    public String name() {
        return "gradient";
    }

    @Override
    INDArray scores(INDArray x, INDArray gradient) {
        return gradient;
    }
}
