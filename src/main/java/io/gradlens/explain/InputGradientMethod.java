package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An attribution read off one backward pass: the input gradient {@code ∂f/∂x}, turned into scores
 * per input entry by {@link #scores}, masked at padding and reduced per token or pixel.
 */
abstract class InputGradientMethod implements AttributionMethod {

    private final Aggregation aggregation;
    private final ExplainedOutput output;

    InputGradientMethod(Aggregation aggregation, ExplainedOutput output) {
        this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
        this.output = Objects.requireNonNull(output, "output");
    }

    /** The scores per input entry, from the inputs {@code x} and the gradient {@code ∂f/∂x}. */
    abstract INDArray scores(INDArray x, INDArray gradient);

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
        return batch.toAttributions(batch.masked(scores(batch.x, e.gradient())), aggregation, name(), parameters(),
                null);
    }
}
