package io.gradlens.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Finiteness checks of weight arrays, shared by the bundle readers (a weight with NaN or infinite
 * values is refused on load) and the training loop's divergence checks. Each check is one ND4J
 * reduction per condition, run on the arrays' native memory without copying them to the heap.
 */
public final class FiniteValues {

    private FiniteValues() {
    }

    /** Whether every value of {@code array} is finite (no NaN, no ±infinity). */
    public static boolean allFinite(INDArray array) {
        return !BooleanIndexing.or(array, Conditions.isNan()) && !BooleanIndexing.or(array, Conditions.isInfinite());
    }

    /**
     * The largest absolute value of {@code array} when all its values are finite, otherwise NaN or
     * an infinity (whichever the array holds; NaN wins).
     */
    public static double maxAbs(INDArray array) {
        if (BooleanIndexing.or(array, Conditions.isNan())) {
            return Double.NaN;
        }
        if (BooleanIndexing.or(array, Conditions.isInfinite())) {
            return Double.POSITIVE_INFINITY;
        }
        return array.length() == 0 ? 0 : array.amaxNumber().doubleValue();
    }
}
