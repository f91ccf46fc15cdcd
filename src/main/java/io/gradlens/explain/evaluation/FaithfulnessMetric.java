package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import java.util.List;

/** A faithfulness metric of attribution maps: one class per metric, each citing its paper. */
public interface FaithfulnessMetric {

    /** The name on the command line and in exports, e.g. {@code deletion-aopc}. */
    String name();

    /** The paper, e.g. {@code Samek et al. 2017, arXiv:1509.06321}. */
    String citation();

    /** Whether a higher value means a more faithful map. */
    boolean higherIsBetter();

    /**
     * Whether the metric is defined for these examples (e.g. ground-truth metrics need masks,
     * max-sensitivity needs continuous inputs); if not, {@link #unavailable} says why.
     */
    default boolean appliesTo(EvaluationContext context) {
        return true;
    }

    /** Why the metric does not apply, or null. */
    default String unavailable(EvaluationContext context) {
        return null;
    }

    /**
     * Scores {@code attributions} (one per example of the context, in order; each explains its
     * {@link Attribution#target()}).
     *
     * @param method the method that produced them (metrics that re-explain perturbed inputs call it)
     */
    MetricScores evaluate(EvaluationContext context, AttributionMethod method, List<Attribution> attributions);
}
