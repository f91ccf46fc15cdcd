package io.gradlens.workflow.hidden;

import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.explain.HiddenUnits;
import java.util.Objects;

/**
 * How a hidden-state map is computed: which recurrent layer, which scalar of h_t, and the chunking
 * that keeps long documents (T ≈ 1,400 steps) within memory.
 *
 * @param layer       the recurrent layer's name, or {@code null} for the first recurrent layer
 * @param reduction   the scalar r of h_t (mean over units, norm, or one unit)
 * @param rowsPerPass map rows per backward pass, 0 to choose them from {@code budgetBytes}
 * @param budgetBytes memory budget of one pass when the rows are chosen automatically
 */
public record HiddenStateOptions(String layer, HiddenReduction reduction, int rowsPerPass, long budgetBytes) {

    public HiddenStateOptions {
        Objects.requireNonNull(reduction, "reduction");
        if (rowsPerPass < 0) {
            throw new IllegalArgumentException("rows per pass must be ≥ 0 (0 = automatic), got " + rowsPerPass);
        }
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("the memory budget must be positive, got " + budgetBytes);
        }
    }

    /** The first recurrent layer, mean over units, automatic chunking within the default budget. */
    public static HiddenStateOptions defaults() {
        return new HiddenStateOptions(null, HiddenReduction.mean(), 0, HiddenStateGradients.DEFAULT_BUDGET_BYTES);
    }

    /** The method these options configure. */
    HiddenStateGradients method() {
        return method(reduction);
    }

    /** The map of these options with another reduction (the map follows a selected unit). */
    HiddenStateGradients method(HiddenReduction other) {
        return new HiddenStateGradients(layer, other, rowsPerPass, budgetBytes);
    }

    /** The per-unit method of these options' layer and chunking. */
    HiddenUnits units() {
        return new HiddenUnits(layer, rowsPerPass, budgetBytes);
    }
}
