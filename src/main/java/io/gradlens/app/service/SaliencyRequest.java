package io.gradlens.app.service;

import java.util.Objects;

/**
 * Parameters of one text-saliency computation.
 *
 * @param method attribution method
 * @param targetClass class whose logit is explained, or {@code null} for the predicted class
 * @param aggregation per-token reduction of the embedding attribution
 * @param steps number of interpolation steps (Integrated Gradients only)
 * @param samples number of noisy samples (SmoothGrad only)
 * @param noise noise standard deviation (SmoothGrad only)
 */
public record SaliencyRequest(
    SaliencyMethod method,
    Integer targetClass,
    Aggregation aggregation,
    int steps,
    int samples,
    double noise) {

  /** Validates the parameters. */
  public SaliencyRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(aggregation, "aggregation");
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1: " + steps);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1: " + samples);
    }
    if (!(noise >= 0)) {
      throw new IllegalArgumentException("noise must be >= 0: " + noise);
    }
  }

  /** @return plain-gradient request for the predicted class with default IG/SmoothGrad settings */
  public static SaliencyRequest defaults() {
    return new SaliencyRequest(SaliencyMethod.GRADIENT, null, Aggregation.SUM, 50, 25, 0.1);
  }
}
