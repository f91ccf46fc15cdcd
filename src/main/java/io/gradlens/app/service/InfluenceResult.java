package io.gradlens.app.service;

import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.TracInProjection;
import java.util.List;
import java.util.Objects;

/**
 * The training examples that most support and most oppose one test prediction.
 *
 * @param method how the scores were computed
 * @param exampleId the explained test example's workspace id, e.g. {@code test/17}
 * @param explainedClass the class whose logit is decomposed (the predicted class)
 * @param proponents positive scores, largest first
 * @param opponents negative scores, most negative first
 * @param fidelity Pearson correlation of the model's logits with their representer decomposition
 *     over the test split (each example's logits centred); NaN for TracIn
 * @param queryMillis time of this query once the precomputation existed, in milliseconds
 * @param precomputeSeconds time the precomputation took when it ran
 * @param checkpoints TracIn checkpoints summed over; 0 for representer points
 * @param cached whether the precomputation was reused (memory or disk) rather than run now
 * @param projection the settings of projected TracIn, or {@code null} for the other methods
 */
public record InfluenceResult(InfluenceMethod method, String exampleId, String explainedClass,
    List<InfluentialExample> proponents, List<InfluentialExample> opponents, double fidelity,
    double queryMillis, double precomputeSeconds, int checkpoints, boolean cached,
    TracInProjection projection) {

  /** A result of a method without projection settings. */
  public InfluenceResult(InfluenceMethod method, String exampleId, String explainedClass,
      List<InfluentialExample> proponents, List<InfluentialExample> opponents, double fidelity,
      double queryMillis, double precomputeSeconds, int checkpoints, boolean cached) {
    this(method, exampleId, explainedClass, proponents, opponents, fidelity, queryMillis,
        precomputeSeconds, checkpoints, cached, null);
  }

  /** Checks and copies. */
  public InfluenceResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(exampleId, "exampleId");
    proponents = List.copyOf(proponents);
    opponents = List.copyOf(opponents);
  }
}
