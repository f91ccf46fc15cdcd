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

  /**
   * Explains every test example of {@code dataset} under the current model and writes them, as
   * they are explained, in the format {@code target}'s extension names ({@code .jsonl},
   * {@code .csv}, {@code .html}): the command line's {@code saliency} export schema. A cancelled or
   * failed export leaves an existing file untouched.
   *
   * @return the number of examples written
   * @throws Exception when the model does not fit, the computation or the write fails
   */
  default int exportDataset(WorkspaceEntry dataset, SaliencyRequest request,
      java.nio.file.Path target, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    throw new UnsupportedOperationException("Exporting a dataset needs the GradLens core");
  }

  /**
   * The models among {@code candidates} that can be compared on {@code dataset}: those that read
   * its input kind and shape, have its number of classes and (for text) know some of its words.
   * Implementations without a core offer every candidate.
   *
   * @throws Exception when a model cannot be loaded
   */
  default java.util.List<WorkspaceEntry> modelsFitting(java.util.List<WorkspaceEntry> candidates,
      WorkspaceEntry dataset, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    return java.util.List.copyOf(candidates);
  }

  /**
   * The mean share of |attribution| on the marked positions over the test examples of
   * {@code dataset} that carry a mark, under the current model and under {@code other}, with the
   * request's method and target. Implementations without a core report no marked examples.
   *
   * @throws Exception when a model cannot be loaded or does not fit the dataset
   */
  default SaliencyMarkedRelevance markedRelevance(WorkspaceEntry other, WorkspaceEntry dataset,
      SaliencyRequest request, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    return SaliencyMarkedRelevance.none();
  }
}
