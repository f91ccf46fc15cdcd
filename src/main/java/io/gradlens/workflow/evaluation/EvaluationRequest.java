package io.gradlens.workflow.evaluation;

import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.ConfiguredMethod;
import io.gradlens.explain.MethodDescriptor;
import io.gradlens.explain.evaluation.MetricSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What to evaluate: the methods (validated by the method registry), the metric names (or
 * {@code all}), their settings, how positions are removed, the explained class and the batch size.
 *
 * @param methods   the attribution methods compared
 * @param metrics   metric names or {@code all}
 * @param settings  the metric parameters (and the seed of the random baseline)
 * @param removal   {@code pad}/{@code oov} (text) or a baseline number/{@code zero}; null for the
 *                  model's default ({@code pad} for text, {@code zero} otherwise)
 * @param target    {@code predicted} (or null), a class index or a class name
 * @param batchSize inputs per forward pass
 */
public record EvaluationRequest(List<ConfiguredMethod> methods, List<String> metrics, MetricSettings settings,
                                String removal, String target, int batchSize) {

    /** Default batch size. */
    public static final String DEFAULT_BATCH_SIZE = "256";

    /** Checks the lists and the batch size. */
    public EvaluationRequest {
        methods = List.copyOf(methods);
        metrics = List.copyOf(metrics);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("--method needs at least one method");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
        }
    }

    /**
     * The methods of a {@code --method} value: {@code all}, or comma-separated registry names, each
     * configured with {@code values}.
     *
     * @throws IllegalArgumentException with the registry's message
     */
    public static List<ConfiguredMethod> methods(String spec, Map<String, String> values) {
        List<String> names = spec.trim().equals("all")
                ? AttributionMethods.all().stream().map(MethodDescriptor::name).toList()
                : Arrays.stream(spec.split(",")).map(String::trim).toList();
        List<ConfiguredMethod> out = new ArrayList<>();
        for (String n : names) {
            out.add(AttributionMethods.configure(n, values));
        }
        return out;
    }

    /** The metric names of a {@code --metric} value: {@code all} or comma-separated names. */
    public static List<String> metrics(String spec) {
        return Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The bins of a {@code --bins} value: comma-separated percentages. */
    public static List<Double> bins(String spec) {
        try {
            return Arrays.stream(spec.split(",")).map(String::trim).map(Double::parseDouble).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bins must be comma-separated percentages, got '" + spec + "'");
        }
    }
}
