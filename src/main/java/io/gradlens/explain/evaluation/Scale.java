package io.gradlens.explain.evaluation;

import java.util.Locale;

/**
 * The model output a metric reads for the explained class: its probability (deletion, insertion,
 * comprehensiveness, sufficiency, as in the papers), or, for {@link Infidelity}, the scalar the
 * attribution method explained (log-probability or logit), so that an exact attribution can score
 * exactly zero.
 */
public enum Scale {
    /** p(target | x). */
    PROBABILITY,
    /** log p(target | x). */
    LOG_PROBABILITY,
    /** The target's logit (the last layer's output). */
    LOGIT;

    /**
     * The scale of an attribution method's {@code output} parameter ({@code logprob} or
     * {@code logit}); {@link #PROBABILITY} when the method has none.
     */
    public static Scale ofMethodOutput(Object output) {
        if (output == null) {
            return PROBABILITY;
        }
        return switch (output.toString().toLowerCase(Locale.ROOT)) {
            case "logit" -> LOGIT;
            case "logprob" -> LOG_PROBABILITY;
            default -> PROBABILITY;
        };
    }
}
