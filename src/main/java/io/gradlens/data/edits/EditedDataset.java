package io.gradlens.data.edits;

import io.gradlens.data.Dataset;

/**
 * A dataset with an edit list applied, and for every example kept, where it was in the unedited
 * dataset (exclusions shift positions; new edits must name original positions).
 *
 * @param dataset     the edited dataset
 * @param trainOrigin for each training example of {@code dataset}, its index in the original train split
 * @param testOrigin  for each test example of {@code dataset}, its index in the original test split
 */
public record EditedDataset(Dataset dataset, int[] trainOrigin, int[] testOrigin) {

    /** The original index of position {@code index} of {@code split} in the edited dataset. */
    public int originalIndex(Split split, int index) {
        return (split == Split.TRAIN ? trainOrigin : testOrigin)[index];
    }
}
