package io.gradlens.workflow.training;

import io.gradlens.train.ExplanationPenalty;
import java.util.Objects;
import java.util.Optional;

/**
 * The "right for the right reasons" explanation penalty of a training run (Ross, Hughes and
 * Doshi-Velez, IJCAI 2017, https://arxiv.org/abs/1703.03717):
 * {@code cross-entropy + λ · Σ_n Σ_s ((1 − Z_{n,s}) · sal_{n,s})²}, Z the relevance masks. It takes
 * part when λ &gt; 0 or a mask source is named (then with λ = 0 the masks are read and the saliency
 * loss reported without changing the objective, as {@code --mask} alone does).
 *
 * @param lambda      the weight λ ≥ 0 ({@code --rrr-lambda})
 * @param target      what the input gradient is of ({@code --rrr-target})
 * @param attribution what is squared per token or pixel ({@code --rrr-attribution})
 * @param mask        where the masks come from ({@code --mask}); empty: the dataset's
 */
public record PenaltySettings(double lambda, ExplanationPenalty.Target target,
                              ExplanationPenalty.Attribution attribution, Optional<MaskSource> mask) {

    /** No penalty: plain training (the command line's default). */
    public static final PenaltySettings NONE = new PenaltySettings(0, ExplanationPenalty.Target.MAX_LOG_PROB,
            ExplanationPenalty.Attribution.GRADIENT, Optional.empty());

    /** Checks the fields. */
    public PenaltySettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(mask, "mask");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the penalty weight \u03bb must be a finite number \u2265 0, got "
                    + lambda + " (--rrr-lambda)");
        }
    }

    /** A penalty of weight {@code lambda} on the dataset's masks. */
    public static PenaltySettings of(double lambda, ExplanationPenalty.Target target,
                                     ExplanationPenalty.Attribution attribution) {
        return new PenaltySettings(lambda, target, attribution, Optional.empty());
    }

    /**
     * The preset of the workbench's "Retrain with constraint…": λ = 1000 with Σ log p, as
     * {@code experiment decoy-text} and decoy-mnist use; gradient × input for text (a
     * plain-gradient penalty is evaded by learned embeddings), the plain gradient for images.
     */
    public static PenaltySettings preset(boolean images) {
        return of(1000, ExplanationPenalty.Target.SUM_LOG_PROB,
                images ? ExplanationPenalty.Attribution.GRADIENT : ExplanationPenalty.Attribution.GRADIENT_X_INPUT);
    }

    /** Whether training reads masks and adds the penalty term. */
    public boolean active() {
        return lambda > 0 || mask.isPresent();
    }

    /** The same penalty with another weight. */
    public PenaltySettings withLambda(double newLambda) {
        return new PenaltySettings(newLambda, target, attribution, mask);
    }

    /** The core penalty, or empty for plain training (so that λ = 0 runs exactly the plain trainer). */
    public Optional<ExplanationPenalty> toCore() {
        return active() ? Optional.of(new ExplanationPenalty(lambda, target, attribution)) : Optional.empty();
    }
}
