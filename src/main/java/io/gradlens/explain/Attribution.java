package io.gradlens.explain;

import java.util.Map;

/**
 * The result of one saliency method on one example: a score per input position, shaped like the
 * input (tokens, pixels or features), with the explained class, the model's class probabilities,
 * the method's name and parameters, and per-example diagnostics (e.g. the completeness gap of
 * integrated gradients).
 */
public sealed interface Attribution permits TokenAttribution, PixelAttribution, FeatureAttribution {

    /** One score per position (a copy). */
    double[] scores();

    /** The explained class. */
    int target();

    /** The model's class probabilities for this example (a copy). */
    double[] probabilities();

    /** The method's name, e.g. {@code integrated-gradients}. */
    String method();

    /** The method's parameters (unmodifiable). */
    Map<String, Object> parameters();

    /** Per-example numbers besides the scores (unmodifiable; may be empty). */
    Map<String, Double> diagnostics();

    /** The class with the highest probability. */
    default int predicted() {
        double[] p = probabilities();
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
