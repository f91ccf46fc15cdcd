package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.influence.InfluenceMethod;
import java.util.Optional;

/**
 * Training-example influence for the current model: proponents and opponents of one test
 * prediction, and suspected mislabels of a dataset. The first call for a model, dataset (with its
 * edits) and method runs a precomputation, which is then cached; later calls are fast.
 */
public interface InfluenceService {

  /**
   * @return why {@code method} cannot run for the current model and what to do about it (e.g.
   *     TracIn without saved checkpoints), or empty when it can
   */
  Optional<String> unavailable(InfluenceMethod method);

  /**
   * Ranks the training examples of a dataset by their influence on the current model's
   * prediction for one test example.
   *
   * @param datasetId the dataset, read with its edits
   * @param exampleId a test example's workspace id, e.g. {@code test/17}
   * @param method the influence method
   * @param top how many proponents and opponents
   * @throws Exception when the model does not fit the dataset, the example is excluded, or the
   *     computation fails; {@link CancellationToken.CancelledException} when cancelled
   */
  InfluenceResult explain(String datasetId, String exampleId, InfluenceMethod method, int top,
      ProgressListener progress, CancellationToken cancel) throws Exception;

  /**
   * Ranks a dataset's training examples by self-influence under the current model.
   *
   * @throws Exception as {@link #explain}
   */
  MislabelSuspects suspects(String datasetId, InfluenceMethod method, int top,
      ProgressListener progress, CancellationToken cancel) throws Exception;
}
