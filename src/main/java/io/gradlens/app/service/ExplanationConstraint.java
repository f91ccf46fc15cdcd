package io.gradlens.app.service;

import java.util.Objects;

/**
 * The "right for the right reasons" explanation penalty of a training run (Ross, Hughes and
 * Doshi-Velez, IJCAI 2017, https://arxiv.org/abs/1703.03717): the loss becomes
 * {@code cross-entropy + λ · Σ_n Σ_s ((1 − Z_{n,s}) · sal_{n,s})²}, where Z are the dataset's relevance
 * masks (1 = may matter, 0 = must not; in the workbench: the tokens or pixels marked in the Saliency
 * tab) and sal is the chosen attribution of the chosen target. A λ of 0 is plain training.
 *
 * @param lambda penalty weight λ ≥ 0
 * @param target what the input gradient is of
 * @param attribution what is squared at each position
 */
public record ExplanationConstraint(double lambda, Target target, Attribution attribution) {

  /** No penalty: plain training. */
  public static final ExplanationConstraint NONE =
      new ExplanationConstraint(0, Target.SUM_LOG_PROB, Attribution.GRADIENT);

  /** The differentiated quantity. */
  public enum Target {
    /** log p of the predicted class (as TensorFlow users write it). */
    MAX_LOG_PROB("log p(predicted)"),
    /** Σ_k log p_k, the RRR paper's choice. */
    SUM_LOG_PROB("\u03a3 log p (paper)");

    private final String displayName;

    Target(String displayName) {
      this.displayName = displayName;
    }

    @Override
    public String toString() {
      return displayName;
    }
  }

  /** What the penalty squares at each token or pixel. */
  public enum Attribution {
    /** The input gradient, summed over the embedding axis for tokens (the paper's). */
    GRADIENT("Gradient"),
    /**
     * Gradient × input, summed over the embedding axis for tokens: a token's first-order
     * contribution. Learned embeddings cannot evade it (docs/experiments.md, decoy-text).
     */
    GRADIENT_X_INPUT("Gradient \u00d7 Input");

    private final String displayName;

    Attribution(String displayName) {
      this.displayName = displayName;
    }

    @Override
    public String toString() {
      return displayName;
    }
  }

  /** Checks the fields. */
  public ExplanationConstraint {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(attribution, "attribution");
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the penalty weight \u03bb must be a finite number >= 0: "
          + lambda);
    }
  }

  /** @return whether the penalty takes part in training (λ > 0) */
  public boolean active() {
    return lambda > 0;
  }

  /**
   * The preset of "Retrain with constraint…": λ = 1000 with Σ log p, as {@code experiment
   * decoy-text} and decoy-mnist use; gradient × input for text (a plain-gradient penalty is evaded by
   * learned embeddings), the plain gradient for images (their pixels are fixed).
   *
   * @param images whether the model reads images
   */
  public static ExplanationConstraint preset(boolean images) {
    return new ExplanationConstraint(1000, Target.SUM_LOG_PROB,
        images ? Attribution.GRADIENT : Attribution.GRADIENT_X_INPUT);
  }
}
