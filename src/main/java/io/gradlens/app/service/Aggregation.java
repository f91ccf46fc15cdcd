package io.gradlens.app.service;

/** How an embedding-dimension attribution vector is reduced to one score per token. */
public enum Aggregation {
  /** Signed sum over embedding dimensions. */
  SUM,
  /** Euclidean norm (unsigned). */
  L2,
  /** Sum of absolute values (unsigned). */
  ABS_SUM
}
