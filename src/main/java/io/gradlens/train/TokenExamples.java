package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Token-id sequences of varying length. A batch pads with id 0 at the end to its longest member;
 * relevance at padded positions is 1 (padding never receives a gradient anyway).
 */
public final class TokenExamples implements ExampleSet {

    private final int[][] ids;
    private final int[] labels;
    private final float[][] relevance;

    /**
     * @param ids       token ids per example (no padding; at least one token each)
     * @param labels    class per example
     * @param relevance per-token relevance (1 = may matter), same lengths as {@code ids}, or null
     */
    public TokenExamples(int[][] ids, int[] labels, float[][] relevance) {
        if (ids.length != labels.length) {
            throw new IllegalArgumentException(ids.length + " sequences but " + labels.length + " labels");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].length == 0) {
                throw new IllegalArgumentException("example " + i + " has no tokens");
            }
            if (relevance != null && relevance[i].length != ids[i].length) {
                throw new IllegalArgumentException("example " + i + ": relevance mask has " + relevance[i].length
                        + " entries for " + ids[i].length + " tokens");
            }
        }
        this.ids = ids;
        this.labels = labels;
        this.relevance = relevance;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    /** The token ids of example {@code i}. */
    public int[] ids(int i) {
        return ids[i];
    }

    @Override
    public boolean hasRelevance() {
        return relevance != null;
    }

    @Override
    public Batch batch(int[] indices) {
        int longest = 0;
        for (int i : indices) {
            longest = Math.max(longest, ids[i].length);
        }
        int[][] padded = new int[indices.length][longest];
        float[][] mask = relevance == null ? null : new float[indices.length][longest];
        int[] y = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int[] seq = ids[indices[r]];
            System.arraycopy(seq, 0, padded[r], 0, seq.length);
            y[r] = labels[indices[r]];
            if (mask != null) {
                java.util.Arrays.fill(mask[r], 1f);
                System.arraycopy(relevance[indices[r]], 0, mask[r], 0, seq.length);
            }
        }
        Tensor rel = mask == null ? null : Tensor.constant(Nd4j.createFromArray(mask).castTo(DataType.FLOAT));
        return new Batch(Tensor.constant(Nd4j.createFromArray(padded)), y, rel);
    }
}
