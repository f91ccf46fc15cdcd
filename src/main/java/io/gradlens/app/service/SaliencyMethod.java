package io.gradlens.app.service;

/** Gradient-based attribution methods for text saliency. */
public enum SaliencyMethod {
  /** Plain gradient of the target logit with respect to the input embeddings. */
  GRADIENT("Gradient"),
  /** Gradient multiplied element-wise by the input embedding. */
  GRADIENT_X_INPUT("Gradient \u00d7 Input"),
  /** Integrated Gradients along a straight path from a baseline ({@code steps} points). */
  INTEGRATED_GRADIENTS("Integrated Gradients"),
  /** SmoothGrad: gradients averaged over {@code samples} noisy copies with std-dev {@code noise}. */
  SMOOTHGRAD("SmoothGrad");

  private final String displayName;

  SaliencyMethod(String displayName) {
    this.displayName = displayName;
  }

  /** @return human-readable name for menus and legends */
  public String displayName() {
    return displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
