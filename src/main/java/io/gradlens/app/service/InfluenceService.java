package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.TracInProjection;
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
   * @param projection layers, dimension and seed of projected TracIn (ignored by the others)
   * @param top how many proponents and opponents
   * @throws Exception when the model does not fit the dataset, the example is excluded, or the
   *     computation fails; {@link CancellationToken.CancelledException} when cancelled
   */
  InfluenceResult explain(String datasetId, String exampleId, InfluenceMethod method,
      TracInProjection projection, int top, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /**
   * As {@link #explain(String, String, InfluenceMethod, TracInProjection, int, ProgressListener,
   * CancellationToken)} with the {@link TracInProjection#DEFAULT default} projection settings.
   *
   * @throws Exception as there
   */
  default InfluenceResult explain(String datasetId, String exampleId, InfluenceMethod method,
      int top, ProgressListener progress, CancellationToken cancel) throws Exception {
    return explain(datasetId, exampleId, method, TracInProjection.DEFAULT, top, progress, cancel);
  }

  /**
   * Ranks a dataset's training examples by self-influence under the current model.
   *
   * @param projection layers, dimension and seed of projected TracIn (ignored by the others)
   * @throws Exception as {@link #explain}
   */
  MislabelSuspects suspects(String datasetId, InfluenceMethod method, TracInProjection projection,
      int top, ProgressListener progress, CancellationToken cancel) throws Exception;

  /**
   * As {@link #suspects(String, InfluenceMethod, TracInProjection, int, ProgressListener,
   * CancellationToken)} with the default projection settings.
   *
   * @throws Exception as there
   */
  default MislabelSuspects suspects(String datasetId, InfluenceMethod method, int top,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return suspects(datasetId, method, TracInProjection.DEFAULT, top, progress, cancel);
  }
}
