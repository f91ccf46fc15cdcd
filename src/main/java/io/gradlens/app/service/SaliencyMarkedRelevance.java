package io.gradlens.app.service;

/**
 * The share of |attribution| on the positions marked "must not matter", as a mean over the marked
 * test examples of a dataset, for the current model and the model it is compared with
 * ({@link io.gradlens.workflow.evaluation.MarkedRelevance}).
 *
 * @param current the current model's mean share (NaN when undefined)
 * @param other the compared model's mean share (NaN when undefined)
 * @param examples how many test examples carry a mark
 */
public record SaliencyMarkedRelevance(double current, double other, int examples) {

  /** @return a value for "no marked examples" */
  public static SaliencyMarkedRelevance none() {
    return new SaliencyMarkedRelevance(Double.NaN, Double.NaN, 0);
  }
}
