package io.gradlens.data.edits;

import java.util.Arrays;

/** Validation of index sets carried by mask edits. */
final class SortedIndices {

    private SortedIndices() {
    }

    /**
     * A sorted copy of {@code indices} without repeats.
     *
     * @throws IllegalArgumentException if the set is empty or holds a negative value
     */
    static int[] of(int[] indices, String what) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("a mask needs at least one " + what);
        }
        int[] sorted = Arrays.stream(indices).sorted().distinct().toArray();
        if (sorted[0] < 0) {
            throw new IllegalArgumentException(what + " " + sorted[0] + " is negative");
        }
        return sorted;
    }
}
