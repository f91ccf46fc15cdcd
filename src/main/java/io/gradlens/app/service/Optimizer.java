package io.gradlens.app.service;

/** Gradient-descent optimisers the training form offers. */
public enum Optimizer {
  /** Plain stochastic gradient descent. */
  SGD,
  /** SGD with momentum 0.9. */
  MOMENTUM,
  /** Adam with default betas. */
  ADAM
}
