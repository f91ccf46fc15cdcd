package io.gradlens.explain.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric for one attribution method.
 *
 * @param method      the method's name
 * @param parameters  its parameters
 * @param comparisons one per metric that applied, in table order
 */
public record MethodEvaluation(String method, Map<String, Object> parameters, List<MetricComparison> comparisons) {

    /** Copies. */
    public MethodEvaluation {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        comparisons = List.copyOf(comparisons);
    }

    /** The comparison of {@code metric}, or null when it was not computed. */
    public MetricComparison comparison(String metric) {
        return comparisons.stream().filter(c -> c.metric().equals(metric)).findFirst().orElse(null);
    }
}
