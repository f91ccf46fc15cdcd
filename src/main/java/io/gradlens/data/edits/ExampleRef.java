package io.gradlens.data.edits;

import java.util.Objects;

/**
 * One example of a dataset, by split and index, with a fingerprint of its content
 * ({@link ExampleFingerprint}) that tells when the dataset changed under the edit.
 *
 * @param split       train or test
 * @param index       position in the split of the unedited dataset
 * @param fingerprint the example's {@link ExampleFingerprint}
 */
public record ExampleRef(Split split, int index, long fingerprint) {

    /** Checks the split and index. */
    public ExampleRef {
        Objects.requireNonNull(split, "split");
        if (index < 0) {
            throw new IllegalArgumentException("example index " + index + " is negative");
        }
    }

    @Override
    public String toString() {
        return split.fileName() + " #" + index;
    }
}
