package io.gradlens.explain;

import java.util.Locale;

/**
 * Which scalar of a classifier an attribution explains: the log-probability {@code log p_target}
 * (the default: it accounts for the competing classes) or the raw logit {@code z_target} (what
 * Simonyan et al. 2013, <a href="https://arxiv.org/abs/1312.6034">arXiv:1312.6034</a>, call the
 * class score).
 */
public enum ExplainedOutput {
    /** log softmax(z)_target. */
    LOG_PROBABILITY("logprob"),
    /** z_target. */
    LOGIT("logit");

    private final String cliName;

    ExplainedOutput(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The output called {@code name} ({@code logprob} or {@code logit}). */
    public static ExplainedOutput fromCliName(String name) {
        for (ExplainedOutput o : values()) {
            if (o.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown output '" + name + "'; use logprob or logit");
    }
}
