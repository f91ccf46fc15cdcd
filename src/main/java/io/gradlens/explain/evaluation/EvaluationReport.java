package io.gradlens.explain.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faithfulness table: methods × metrics with 95% intervals (mean ± 1.96 · SE over examples)
 * and the seeded random baseline.
 *
 * @param examples the number of examples
 * @param removal  how positions were removed, e.g. {@code token 0}
 * @param settings the metric parameters
 * @param methods  one entry per method
 * @param skipped  metric name → why it did not apply
 */
public record EvaluationReport(int examples, String removal, MetricSettings settings, List<MethodEvaluation> methods,
                               Map<String, String> skipped) {

    /** How the intervals are computed, for exports. */
    public static final String INTERVAL = "mean \u00b1 1.96\u00b7SE over examples (normal approximation)";

    /** Copies. */
    public EvaluationReport {
        methods = List.copyOf(methods);
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }
}
