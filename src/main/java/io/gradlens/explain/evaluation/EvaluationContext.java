package io.gradlens.explain.evaluation;

import io.gradlens.explain.AttributionInputs;
import io.gradlens.util.CancellationToken;
import java.util.List;
import java.util.Objects;

/**
 * What every metric evaluates against: the model (through its batched {@link ModelScores}), the
 * examples, how a position is removed, optional ground-truth masks (one per example, over the
 * attribution's positions; true = the position is part of the evidence) and a cancellation token
 * checked once per batch.
 *
 * @param masks ground-truth masks, or null when the dataset has none
 */
public record EvaluationContext(ModelScores scores, AttributionInputs inputs, Removal removal, List<boolean[]> masks,
                                CancellationToken cancel) {

    /** Checks that the masks, if any, match the examples. */
    public EvaluationContext {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(removal, "removal");
        cancel = cancel == null ? CancellationToken.NONE : cancel;
        if (masks != null) {
            if (masks.size() != inputs.size()) {
                throw new IllegalArgumentException(masks.size() + " ground-truth masks for " + inputs.size()
                        + " examples");
            }
            for (int b = 0; b < masks.size(); b++) {
                if (masks.get(b).length != Removal.positions(inputs, b)) {
                    throw new IllegalArgumentException("example " + b + ": the ground-truth mask has "
                            + masks.get(b).length + " positions but the example has "
                            + Removal.positions(inputs, b));
                }
            }
            masks = List.copyOf(masks);
        }
    }

    /** Without masks or cancellation. */
    public static EvaluationContext of(ModelScores scores, AttributionInputs inputs, Removal removal) {
        return new EvaluationContext(scores, inputs, removal, null, CancellationToken.NONE);
    }
}
