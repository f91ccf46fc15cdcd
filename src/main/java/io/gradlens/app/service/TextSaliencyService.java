package io.gradlens.app.service;

/** Explains a text classifier's decision on one input, token by token. */
public interface TextSaliencyService {

  /**
   * Computes token attributions for {@code text} under the currently loaded model.
   *
   * @param text raw input text
   * @param request method and its parameters
   * @param progress progress sink (called from the computing thread)
   * @param cancel polled by the implementation; when cancelled it throws {@link CancelledException}
   * @return tokens, scores and the model's probabilities
   * @throws Exception when the computation fails (no model loaded, bad input, numerical error…)
   */
  SaliencyResult explain(
      String text, SaliencyRequest request, ProgressListener progress, CancellationToken cancel)
      throws Exception;
}
