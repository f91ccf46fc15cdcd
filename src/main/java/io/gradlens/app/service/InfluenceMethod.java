package io.gradlens.app.service;

/**
 * How the Influence tab scores training examples.
 */
public enum InfluenceMethod {
  /**
   * Representer points (Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720): every logit
   * decomposed over the training examples through the refitted last layer.
   */
  REPRESENTER("representer", "Representer points"),
  /**
   * TracIn (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484): gradient dot products
   * summed over the checkpoints saved during training.
   */
  TRACIN("tracin", "TracIn");

  private final String id;
  private final String displayName;

  InfluenceMethod(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** @return the method's name on the command line and in cache files */
  public String id() {
    return id;
  }

  /** @return the name shown to the user */
  public String displayName() {
    return displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
