package io.gradlens.workflow.explain;

import java.util.List;

/**
 * Whether a model and a dataset belong together ({@link ModelDatasetFit#fit}): reasons that rule
 * the pairing out (another input kind or shape, other classes, no known word) and warnings that
 * do not (few known words). Both in plain words, one sentence each.
 *
 * @param reasons why the model cannot be used on the dataset; empty when it can
 * @param warnings doubts that do not refuse the pairing
 */
public record FitReport(List<String> reasons, List<String> warnings) {

    /** Copies the lists. */
    public FitReport {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    /** @return a report of a pairing with nothing to say against it */
    public static FitReport fits() {
        return new FitReport(List.of(), List.of());
    }

    /** @return whether the model can be used on the dataset */
    public boolean compatible() {
        return reasons.isEmpty();
    }

    /** @return the reasons joined into one line ("; "), empty when compatible */
    public String reasonLine() {
        return String.join("; ", reasons);
    }

    /** @return the warnings joined into one line ("; "), empty when there are none */
    public String warningLine() {
        return String.join("; ", warnings);
    }

    /**
     * Refuses an incompatible pairing.
     *
     * @throws ModelDatasetMismatchException with {@link #reasonLine()}
     */
    public void requireCompatible() {
        if (!compatible()) {
            throw new ModelDatasetMismatchException(reasonLine());
        }
    }
}
