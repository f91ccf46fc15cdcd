package io.gradlens.app.service;

import io.gradlens.workflow.influence.InfluenceMethod;
import java.util.List;
import java.util.Objects;

/**
 * Training examples ranked by self-influence, highest first: TracIn's {@code Σ_c η_c ‖∇L‖²} or the
 * representer importance {@code |α_{i,y_i}|}. Mislabelled examples tend to rank high.
 *
 * @param method how the scores were computed
 * @param datasetId the ranked dataset
 * @param suspects the highest-ranked training examples
 * @param classNames the dataset's classes, for relabelling
 */
public record MislabelSuspects(InfluenceMethod method, String datasetId,
    List<InfluentialExample> suspects, List<String> classNames) {

  /** Checks and copies. */
  public MislabelSuspects {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(datasetId, "datasetId");
    suspects = List.copyOf(suspects);
    classNames = List.copyOf(classNames);
  }
}
