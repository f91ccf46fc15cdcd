package io.gradlens.workflow.explain;

import io.gradlens.data.edits.ExampleRef;
import io.gradlens.explain.AttributionInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Examples chosen to predict or explain, with where each came from.
 *
 * @param inputs the model inputs, one per example
 * @param refs   each example's reference in its dataset (position in the unedited split and
 *               fingerprint), or null for a text or a row of a NumPy batch
 * @param labels each example's true class, or null when unknown
 * @param texts  each example's raw text, or null (images, rows of a batch)
 * @param rows   whether examples without a reference are numbered by row (a NumPy batch) rather
 *               than unnumbered (a text)
 */
public record SelectedExamples(AttributionInputs inputs, List<ExampleRef> refs, List<Integer> labels,
                               List<String> texts, boolean rows) {

    /** Checks that every list has one entry per example. */
    public SelectedExamples {
        Objects.requireNonNull(inputs, "inputs");
        refs = Collections.unmodifiableList(new ArrayList<>(refs));
        labels = Collections.unmodifiableList(new ArrayList<>(labels));
        texts = Collections.unmodifiableList(new ArrayList<>(texts));
        if (refs.size() != inputs.size() || labels.size() != inputs.size() || texts.size() != inputs.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + refs.size() + " references, "
                    + labels.size() + " labels and " + texts.size() + " texts");
        }
    }

    /** Examples without references or labels (a text, a NumPy batch). */
    static SelectedExamples unlabelled(AttributionInputs inputs, List<String> texts, boolean rows) {
        return new SelectedExamples(inputs, Arrays.asList(new ExampleRef[inputs.size()]),
                Arrays.asList(new Integer[inputs.size()]), texts == null ? Arrays.asList(new String[inputs.size()])
                        : texts, rows);
    }

    /** The number of examples. */
    public int size() {
        return inputs.size();
    }

    /** The split of example {@code i} ({@code train}/{@code test}), or null. */
    public String split(int i) {
        ExampleRef ref = refs.get(i);
        return ref == null ? null : ref.split().fileName();
    }

    /**
     * Example {@code i}'s index: its position in the unedited split, else its row in a batch,
     * else -1 (a text).
     */
    public int index(int i) {
        ExampleRef ref = refs.get(i);
        return ref != null ? ref.index() : rows ? i : -1;
    }

    /** The examples {@code idx}, in that order. */
    public SelectedExamples select(List<Integer> idx) {
        return new SelectedExamples(inputs.select(idx), idx.stream().map(refs::get).toList(),
                idx.stream().map(labels::get).toList(), idx.stream().map(texts::get).toList(), rows);
    }
}
