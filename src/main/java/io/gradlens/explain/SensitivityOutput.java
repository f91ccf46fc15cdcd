package io.gradlens.explain;

/**
 * The output whose input gradient a sensitivity analysis reports: a regression model's output, or
 * a classifier's log-probability or logit of one class (or of each row's predicted class).
 *
 * @param kind       {@code regression}, {@code logprob} or {@code logit}
 * @param classIndex the class, or -1 for each row's predicted class (ignored for regression)
 */
public record SensitivityOutput(String kind, int classIndex) {

    public SensitivityOutput {
        if (!kind.equals("regression") && !kind.equals("logprob") && !kind.equals("logit")) {
            throw new IllegalArgumentException("unknown output '" + kind + "'; use regression, logprob or logit");
        }
    }

    /** The single output of a regression model. */
    public static SensitivityOutput regression() {
        return new SensitivityOutput("regression", -1);
    }

    /** log p of a class, or of the predicted class for {@code classIndex} = -1. */
    public static SensitivityOutput logProbability(int classIndex) {
        return new SensitivityOutput("logprob", classIndex);
    }

    /** The logit of a class, or of the predicted class for {@code classIndex} = -1. */
    public static SensitivityOutput logit(int classIndex) {
        return new SensitivityOutput("logit", classIndex);
    }

    @Override
    public String toString() {
        return kind.equals("regression") ? kind : kind + "[" + (classIndex < 0 ? "predicted" : classIndex) + "]";
    }
}
