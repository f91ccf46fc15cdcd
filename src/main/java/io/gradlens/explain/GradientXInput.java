package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient × input (Shrikumar, Greenside, Shcherbina and Kundaje 2016, "Not Just a Black Box",
 * <a href="https://arxiv.org/abs/1605.01713">arXiv:1605.01713</a>): {@code x ⊙ ∂f/∂x}, reduced per
 * token or pixel. For a linear model it is each input's exact contribution {@code w·x}; padding is
 * zero in x and so scores zero.
 */
public final class GradientXInput implements AttributionMethod {

    private final Aggregation aggregation;
    private final ExplainedOutput output;

    public GradientXInput(Aggregation aggregation, ExplainedOutput output) {
        this.aggregation = java.util.Objects.requireNonNull(aggregation, "aggregation");
        this.output = java.util.Objects.requireNonNull(output, "output");
    }

    public static GradientXInput defaults() {
        return new GradientXInput(Aggregation.SUM, ExplainedOutput.LOG_PROBABILITY);
    }

    @Override
    public String name() {
        return "grad-x-input";
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
        return batch.toAttributions(batch.masked(e.gradient().mul(batch.x)), aggregation, name(), parameters(), null);
    }
}
