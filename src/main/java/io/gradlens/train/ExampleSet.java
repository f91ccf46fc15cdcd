package io.gradlens.train;

/** Labelled examples that can be cut into minibatches. */
public interface ExampleSet {

    /** Number of examples. */
    int size();

    /** The label of example {@code i}. */
    int label(int i);

    /** Whether examples carry relevance masks. */
    boolean hasRelevance();

    /** The batch of the examples at {@code indices}, in that order. */
    Batch batch(int[] indices);

    /** A batch of examples {@code from} (inclusive) to {@code to} (exclusive). */
    default Batch range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return batch(idx);
    }
}
