package io.gradlens.workflow.corpus;

import io.gradlens.format.MappedNpy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The merged result of {@code saliency} over a dataset split: for every example its index, the
 * class explained, the predicted class, the label, its scores (mapped from {@code merged/scores.npy},
 * all examples' scores back to back) and its class probabilities. Tokens are not stored by the
 * shards; they are tokenized again from the request's dataset on first use ({@link DatasetTokens}),
 * or stand as positions {@code #t} when the model or the dataset is not on this machine.
 */
public final class CorpusSaliency implements CorpusResults {

    private final MergedManifest manifest;
    private final double[] index;
    private final double[] target;
    private final double[] predicted;
    private final double[] label;
    private final long[] offset;
    private final MappedNpy scores;
    private final MappedNpy probabilities;
    private DatasetTokens tokens;

    /**
     * One explained example.
     *
     * @param index         its index in the split
     * @param target        the class explained
     * @param predicted     the predicted class
     * @param label         its label, −1 when unlabelled
     * @param tokens        its tokens (or positions), one per score
     * @param scores        its attribution scores
     * @param probabilities the model's class probabilities
     */
    public record Example(int index, int target, int predicted, int label, List<String> tokens, double[] scores,
                          double[] probabilities) {
        public Example {
            tokens = List.copyOf(tokens);
            scores = scores.clone();
            probabilities = probabilities.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        /** The {@code k} tokens with the largest |score|, largest first (ties: the earlier token). */
        public List<String> topTokens(int k) {
            return IntStream.range(0, scores.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer t) -> -Math.abs(scores[t])).thenComparing(t -> t))
                    .limit(k).map(tokens::get).toList();
        }
    }

    CorpusSaliency(MergedManifest manifest, MergedArrays arrays) throws IOException {
        this.manifest = manifest;
        this.index = arrays.read("example_index");
        this.target = arrays.read("target");
        this.predicted = arrays.read("predicted");
        this.label = arrays.read("label");
        double[] length = arrays.read("length");
        this.scores = arrays.open("scores");
        this.probabilities = arrays.open("probabilities");
        int n = index.length;
        this.offset = new long[n + 1];
        for (int i = 0; i < n; i++) {
            offset[i + 1] = offset[i] + (long) length[i];
        }
        if (n != manifest.examples() || target.length != n || predicted.length != n || label.length != n
                || length.length != n || offset[n] != scores.size() || probabilities.rows() != n) {
            throw new IllegalArgumentException(manifest.dir() + ": the merged arrays do not agree with each other ("
                    + n + " examples with " + offset[n] + " scores, scores.npy holds " + scores.size()
                    + "; merged.json says " + manifest.examples() + " examples)");
        }
    }

    @Override
    public MergedManifest manifest() {
        return manifest;
    }

    @Override
    public int size() {
        return index.length;
    }

    /** The number of classes. */
    public int classes() {
        return (int) probabilities.rowLength();
    }

    /** Example {@code i} in corpus order; the first call tokenizes the dataset again (seconds). */
    public Example example(int i) {
        if (i < 0 || i >= index.length) {
            throw new IndexOutOfBoundsException("example " + i + " of " + index.length);
        }
        int length = (int) (offset[i + 1] - offset[i]);
        return new Example((int) index[i], (int) target[i], (int) predicted[i], (int) label[i],
                tokens().of(i, length), scores.range(offset[i], length), probabilities.row(i));
    }

    /** Every example, in corpus order. */
    public List<Example> examples() {
        List<Example> out = new ArrayList<>(index.length);
        for (int i = 0; i < index.length; i++) {
            out.add(example(i));
        }
        return out;
    }

    /** Class {@code c}'s name from the request's model, or its index when the model is not here. */
    public String className(int c) {
        return tokens().className(c);
    }

    /** Why tokens are shown as positions, or null when the dataset's tokens are shown. */
    public String tokenNote() {
        return tokens().reason();
    }

    private synchronized DatasetTokens tokens() {
        if (tokens == null) {
            tokens = DatasetTokens.of(manifest.request());
        }
        return tokens;
    }
}
