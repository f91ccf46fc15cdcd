package io.gradlens.workflow;

import java.util.Locale;
import java.util.Optional;

/** Where a model was trained; recorded as {@code trained_in} in a bundle's provenance. */
public enum TrainingSite {
    /** {@code bin/gradlens train}. */
    CLI,
    /** The workbench's Training tab. */
    WORKBENCH,
    /** An {@code experiment} run. */
    EXPERIMENT;

    /** The name written to a bundle: {@code cli}, {@code workbench} or {@code experiment}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The site a bundle names; bundles written before this field was typed say
     * {@code "GradLens workbench"}. Empty for anything else.
     */
    public static Optional<TrainingSite> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals("GradLens workbench")) {
            return Optional.of(WORKBENCH);
        }
        for (TrainingSite s : values()) {
            if (s.fileName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
