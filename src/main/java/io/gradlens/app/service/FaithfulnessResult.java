package io.gradlens.app.service;

import io.gradlens.explain.evaluation.EvaluationReport;
import java.util.Objects;

/**
 * The faithfulness table of the current model.
 *
 * @param model  the model's display name
 * @param report methods × metrics with intervals and the random baseline
 */
public record FaithfulnessResult(String model, EvaluationReport report) {

  /** Checks the arguments. */
  public FaithfulnessResult {
    Objects.requireNonNull(report, "report");
  }
}
