package io.gradlens.train;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;

/** Loss functions, averaged over the batch. */
public final class Losses {

    private Losses() {
    }

    /**
     * Softmax cross-entropy from logits [B, C] and integer labels: {@code -mean_n log softmax(z_n)[y_n]}.
     * Computed through the log-sum-exp as one fused operation ({@link NnOps#softmaxCrossEntropy}),
     * so it is stable for large logits.
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        if (logits.rank() != 2 || logits.size(0) != labels.length) {
            throw new IllegalArgumentException("cross-entropy needs logits [B, C] and B labels, got "
                    + java.util.Arrays.toString(logits.shape()) + " and " + labels.length + " labels");
        }
        return NnOps.softmaxCrossEntropy(logits, labels);
    }

    /** Mean squared error {@code mean((prediction − target)²)}. */
    public static Tensor meanSquaredError(Tensor prediction, Tensor target) {
        return Ops.mean(Ops.square(Ops.sub(prediction, target)), false);
    }
}
