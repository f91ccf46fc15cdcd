package io.gradlens.train;

import io.gradlens.autodiff.Tensor;

/**
 * A minibatch: the model input (token ids [B, T] or pixels [B, H, W, C]), labels, and optional
 * relevance masks (1 = may matter) shaped [B, T] for tokens or [B, H, W, C] for pixels.
 */
public record Batch(Tensor input, int[] labels, Tensor relevance) {

    public int size() {
        return labels.length;
    }
}
