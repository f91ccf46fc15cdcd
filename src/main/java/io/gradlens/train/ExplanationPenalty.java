package io.gradlens.train;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The "right for the right reasons" penalty (Ross, Hughes and Doshi-Velez, IJCAI 2017,
 * https://arxiv.org/abs/1703.03717): {@code λ · Σ_n Σ_s ((1 − Z_{n,s}) · sal_{n,s})²}, where Z marks
 * the positions that may matter and sal is an input gradient. For token models sal is taken with
 * respect to the embedding output and summed over the embedding axis; for images it is per pixel.
 *
 * <p>The input gradient is taken by an inner tape while the training tape records, so the
 * training tape differentiates the penalty exactly (double backpropagation).
 *
 * @param lambda the penalty weight λ ≥ 0
 * @param target what the input gradient is of
 */
public record ExplanationPenalty(double lambda, Target target, Attribution attribution) {

    /** The penalty on the plain input gradient (the paper's). */
    public ExplanationPenalty(double lambda, Target target) {
        this(lambda, target, Attribution.GRADIENT);
    }

    /**
     * What is penalised at each position. For images and for fixed inputs the plain gradient is
     * the paper's choice. For learned token embeddings it can be evaded: the network can make the
     * gradient's sum over the embedding axis vanish while it still reads the token, or grow the
     * token's embedding while shrinking the gradient. Gradient × input, a token's first-order
     * contribution {@code Σ_e x_e·∂S/∂x_e}, cannot be evaded that way; on the decoy-text benchmark
     * it removes the decoy where the plain gradient does not (docs/experiments.md).
     */
    public enum Attribution {
        /** {@code ∂S/∂x} (summed over the embedding axis for tokens). */
        GRADIENT("gradient"),
        /** {@code x ⊙ ∂S/∂x} (summed over the embedding axis for tokens). */
        GRADIENT_X_INPUT("grad-x-input");

        private final String cliName;

        Attribution(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Attribution fromCliName(String name) {
            for (Attribution a : values()) {
                if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown penalty attribution '" + name + "'; use gradient or "
                    + "grad-x-input");
        }
    }

    /** The differentiated quantity. */
    public enum Target {
        /** {@code log p_max}: the log-probability of the predicted class, as TensorFlow users write it. */
        MAX_LOG_PROB("max-logprob"),
        /** {@code Σ_k log p_k}: the sum of all log-probabilities, the RRR paper's choice. */
        SUM_LOG_PROB("sum-logprob");

        private final String cliName;

        Target(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Target fromCliName(String name) {
            for (Target t : values()) {
                if (t.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown penalty target '" + name + "'; use max-logprob or sum-logprob");
        }
    }

    public ExplanationPenalty {
        if (attribution == null) {
            throw new IllegalArgumentException("the penalty attribution must be given (gradient or grad-x-input)");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the penalty weight λ must be a finite number ≥ 0, got " + lambda);
        }
    }

    /**
     * The scalar whose input gradient is the saliency: {@code Σ_n log p_max(n)} or {@code Σ_n Σ_k log
     * p_k(n)}, from logits [B, C]. Examples are independent, so the gradient of the batch sum with
     * respect to example n's input is example n's own gradient.
     */
    public static Tensor explainedScalar(Tensor logits, Target target) {
        Tensor logProbs = NnOps.logSoftmax(logits, 1);
        if (target == Target.SUM_LOG_PROB) {
            return Ops.sum(logProbs, false);
        }
        return Ops.sum(NnOps.pick(logProbs, argmax(logits)), false);
    }

    /** The predicted class of each row of logits [B, C]. */
    public static int[] argmax(Tensor logits) {
        return logits.value().argMax(1).toIntVector();
    }

    /**
     * The saliency from an inner tape that watched {@code x} and recorded the forward pass: [B, T]
     * for token models ({@code x} = embedding output [B, T, E], summed over E), shaped like
     * {@code x} otherwise.
     */
    public static Tensor saliency(GradientTape inner, Tensor logits, Tensor x, Target target, boolean tokens) {
        return saliency(inner, logits, x, target, Attribution.GRADIENT, tokens);
    }

    /** As {@link #saliency(GradientTape, Tensor, Tensor, Target, boolean)}, for this penalty's attribution. */
    public Tensor saliency(GradientTape inner, Tensor logits, Tensor x, boolean tokens) {
        return saliency(inner, logits, x, target, attribution, tokens);
    }

    private static Tensor saliency(GradientTape inner, Tensor logits, Tensor x, Target target, Attribution attribution,
                                   boolean tokens) {
        Tensor g = inner.gradient(explainedScalar(logits, target), x);
        if (attribution == Attribution.GRADIENT_X_INPUT) {
            g = Ops.mul(g, x);
        }
        return tokens ? Ops.sum(g, false, 2) : g;
    }

    /** {@code λ · Σ ((1 − Z) · sal)²} for saliency and relevance of the same shape. */
    public Tensor value(Tensor saliency, Tensor relevance) {
        INDArray irrelevant = relevance.value().castTo(saliency.dtype()).rsub(1.0);
        if (!java.util.Arrays.equals(saliency.shape(), relevance.shape())) {
            Tensor broadcast = Tensor.constant(irrelevant);
            return Ops.mulScalar(Ops.sum(Ops.square(Ops.mul(saliency, broadcast)), false), lambda);
        }
        // λ Σ ((1 − Z) s)² = Σ w s² with the constant w = λ (1 − Z)², as one fused reduction
        Tensor weights = Tensor.constant(irrelevant.muli(irrelevant).muli(lambda));
        return Ops.weightedSumOfSquares(saliency, weights);
    }
}
