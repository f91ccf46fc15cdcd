package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

/** Explains a text classifier's decision on one input, token by token. */
public interface TextSaliencyService {

  /**
   * Computes token attributions for {@code text} under the currently loaded model.
   *
   * @param text raw input text
   * @param request method and its parameters
   * @param progress progress sink (called from the computing thread)
   * @param cancel polled by the implementation; when cancelled it throws {@link CancellationToken.CancelledException}
   * @return tokens, scores and the model's probabilities
   * @throws Exception when the computation fails (no model loaded, bad input, numerical error…)
   */
  SaliencyResult explain(
      String text, SaliencyRequest request, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /**
   * Like {@link #explain} but under {@code model} instead of the current model (compare mode).
   *
   * @throws Exception when the model cannot be loaded or the computation fails
   */
  default SaliencyResult explainWith(WorkspaceEntry model, String text, SaliencyRequest request,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    throw new UnsupportedOperationException("Comparing models needs the GradLens core");
  }
}
