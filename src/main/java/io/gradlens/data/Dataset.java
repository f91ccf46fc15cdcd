package io.gradlens.data;

/**
 * A dataset with a fixed train/test split: the one abstraction trainer, explainers and GUI use.
 * It is one of three kinds; switch over them with a pattern:
 * {@link ImageDataset}, {@link TextDataset} (both classification) and {@link TabularDataset}
 * (regression with named input groups).
 */
public sealed interface Dataset permits ImageDataset, TextDataset, TabularDataset {

    /** A short name, e.g. {@code decoy-mnist}. */
    String name();

    /** Provenance and license. */
    DatasetInfo info();

    /** Number of training examples. */
    int trainSize();

    /** Number of test examples. */
    int testSize();
}
