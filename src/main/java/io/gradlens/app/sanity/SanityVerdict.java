package io.gradlens.app.sanity;

import io.gradlens.app.service.SanityCheckResult;
import java.util.Locale;

/**
 * A plain-language reading of a cascading randomisation (Adebayo et al. 2018, "Sanity Checks for
 * Saliency Maps", <a href="https://arxiv.org/abs/1810.03292">arXiv:1810.03292</a>), from the mean
 * Spearman ρ of |saliency| once every layer with weights is randomised: at most
 * {@value #DECORRELATED_AT_MOST} means the explanation depends on the learned weights; at least
 * {@value #UNCHANGED_AT_LEAST} means it barely changes, so it may reflect the input rather than
 * the model; in between the evidence is mixed.
 *
 * @param kind the reading
 * @param finalSpearman mean ρ of |saliency| with every layer randomised
 */
public record SanityVerdict(Kind kind, double finalSpearman) {

  /** ρ of |saliency| at or below which the explanation counts as decorrelated. */
  public static final double DECORRELATED_AT_MOST = 0.3;
  /** ρ of |saliency| at or above which the explanation counts as unchanged. */
  public static final double UNCHANGED_AT_LEAST = 0.7;

  /** The possible readings. */
  public enum Kind {
    /** Passes: the maps decorrelate as weights are randomised. */
    DEPENDS_ON_WEIGHTS,
    /** Neither clearly passes nor fails. */
    MIXED,
    /** Fails: the maps survive randomisation. */
    INSENSITIVE_TO_WEIGHTS,
    /** Every map was constant, so no rank correlation exists. */
    UNDEFINED
  }

  /** @return the verdict of a result */
  public static SanityVerdict of(SanityCheckResult result) {
    return of(result.fullyRandomized().meanSpearmanAbsolute());
  }

  /** @return the verdict for the mean ρ of |saliency| with every layer randomised */
  public static SanityVerdict of(double finalSpearman) {
    Kind kind;
    if (Double.isNaN(finalSpearman)) {
      kind = Kind.UNDEFINED;
    } else if (finalSpearman <= DECORRELATED_AT_MOST) {
      kind = Kind.DEPENDS_ON_WEIGHTS;
    } else if (finalSpearman >= UNCHANGED_AT_LEAST) {
      kind = Kind.INSENSITIVE_TO_WEIGHTS;
    } else {
      kind = Kind.MIXED;
    }
    return new SanityVerdict(kind, finalSpearman);
  }

  /** @return one or two sentences for the user, with the threshold that decided */
  public String text() {
    String rho = String.format(Locale.ROOT, "%.2f", finalSpearman);
    return switch (kind) {
      case DEPENDS_ON_WEIGHTS -> "Saliency depends on the weights: it decorrelates as layers are "
          + "randomised (\u03c1 of |saliency| = " + rho + " \u2264 " + DECORRELATED_AT_MOST
          + " with every layer randomised).";
      case INSENSITIVE_TO_WEIGHTS -> "The explanation barely changes when weights are randomised: "
          + "it may reflect the input, not the model (\u03c1 of |saliency| = " + rho + " \u2265 "
          + UNCHANGED_AT_LEAST + " with every layer randomised).";
      case MIXED -> "Mixed: the explanation changes only partly when weights are randomised "
          + "(\u03c1 of |saliency| = " + rho + ", between " + DECORRELATED_AT_MOST + " and "
          + UNCHANGED_AT_LEAST + ").";
      case UNDEFINED -> "No verdict: every saliency map was constant, so no rank correlation "
          + "exists.";
    };
  }
}
