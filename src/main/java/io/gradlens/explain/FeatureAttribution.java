package io.gradlens.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A score per entry of one numeric input tensor, row-major over {@code shape}.
 *
 * @param shape         the input shape without the batch axis
 * @param scores        one score per entry
 * @param target        the explained class
 * @param probabilities the model's class probabilities
 * @param method        the method's name
 * @param parameters    the method's parameters
 * @param diagnostics   per-example numbers
 */
public record FeatureAttribution(long[] shape, double[] scores, int target, double[] probabilities, String method,
                                 Map<String, Object> parameters, Map<String, Double> diagnostics)
        implements Attribution {

    public FeatureAttribution {
        shape = shape.clone();
        scores = scores.clone();
        probabilities = probabilities.clone();
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
