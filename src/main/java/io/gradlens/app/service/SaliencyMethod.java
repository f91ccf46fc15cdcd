package io.gradlens.app.service;

import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.MethodDescriptor;

/**
 * The attribution methods the workbench offers, each one entry of the core's method registry
 * ({@link AttributionMethods}), whose display name, parameters and defaults it shows.
 */
public enum SaliencyMethod {
  /** Plain gradient of the explained output with respect to the input. */
  GRADIENT("gradient"),
  /** Gradient multiplied element-wise by the input. */
  GRADIENT_X_INPUT("grad-x-input"),
  /** Integrated Gradients along a straight path from a baseline. */
  INTEGRATED_GRADIENTS("integrated-gradients"),
  /** SmoothGrad: gradients averaged over noisy copies. */
  SMOOTHGRAD("smoothgrad");

  private final String registryName;

  SaliencyMethod(String registryName) {
    this.registryName = registryName;
  }

  /** @return the registry entry: command line name, display name, parameters */
  public MethodDescriptor descriptor() {
    return AttributionMethods.byName(registryName);
  }

  /** @return human-readable name for menus and legends, from the registry */
  public String displayName() {
    return descriptor().displayName();
  }

  @Override
  public String toString() {
    return displayName();
  }
}
