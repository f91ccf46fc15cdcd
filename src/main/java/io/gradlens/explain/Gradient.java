package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vanilla gradient saliency (Simonyan, Vedaldi and Zisserman 2013, "Deep Inside Convolutional
 * Networks", <a href="https://arxiv.org/abs/1312.6034">arXiv:1312.6034</a>): {@code ∂f/∂x} with
 * {@code f = log p_target} (or the logit) and {@code x} the embedding output (text) or the pixels,
 * reduced per token or pixel by an {@link Aggregation}. Use it first: it is one backward pass, and
 * for a linear model it is exactly the weights.
 */
public final class Gradient implements AttributionMethod {

    private final Aggregation aggregation;
    private final ExplainedOutput output;

    public Gradient(Aggregation aggregation, ExplainedOutput output) {
        this.aggregation = java.util.Objects.requireNonNull(aggregation, "aggregation");
        this.output = java.util.Objects.requireNonNull(output, "output");
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
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("aggregate", aggregation.cliName());
        p.put("output", output.cliName());
        return p;
    }

    @Override
    public List<Attribution> attribute(Classifier model, AttributionInputs inputs, AttributionTarget target) {
        PreparedBatch batch = PreparedBatch.of(model, inputs, target);
        InputGradient.Evaluation e = InputGradient.evaluate(batch, output);
        return batch.toAttributions(batch.masked(e.gradient()), aggregation, name(), parameters(), null);
    }
}
