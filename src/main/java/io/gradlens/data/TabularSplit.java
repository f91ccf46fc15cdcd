package io.gradlens.data;

import java.util.Objects;

/**
 * One split of a tabular dataset.
 *
 * @param inputs  one row per example, one value per input column
 * @param targets one target per example
 */
public record TabularSplit(double[][] inputs, double[] targets) {

    /** Checks that rows and targets agree in count. */
    public TabularSplit {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " rows but " + targets.length + " targets");
        }
    }

    /** Number of rows. */
    public int size() {
        return targets.length;
    }
}
