package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.Optional;

/**
 * Input sensitivity: the gradient of a model's output with respect to each of its input entries,
 * per row of a dataset and averaged over the rows (mean and mean absolute value).
 */
public interface SensitivityService {

  /**
   * Computes the sensitivity of {@code request.model()} (or of the current model).
   *
   * @throws IllegalArgumentException when the model has no input gradient to show (a text model)
   *     or does not fit the dataset; the message says what the view needs
   * @throws Exception when a model or dataset cannot be read
   */
  SensitivityResult sensitivity(SensitivityRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception;

  /** @return a shipped model that shows what the view does (the price model), if there is one */
  default Optional<WorkspaceEntry> exampleModel() {
    return Optional.empty();
  }
}
