package io.gradlens.app.service;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

/**
 * Hidden-state gradients over time of the current model's recurrent layer for one text: the mean
 * hidden state per step, the per-step curve c[t] and the T&times;T map G[t][s] (see
 * {@code io.gradlens.explain.HiddenStateGradients}).
 */
public interface HiddenStateService {

  /**
   * Maps {@code text} under the currently loaded model.
   *
   * @param text raw input text
   * @param progress progress sink (called from the computing thread)
   * @param cancel polled once per backward pass; cancelling throws
   *     {@link CancellationToken.CancelledException}
   * @return tokens, r(h_t), c[t] and G[t][s]
   * @throws NoRecurrentLayerException when the current model has no recurrent layer (a normal
   *     situation for CNN or image models, shown as a message, not an error)
   * @throws Exception when the computation fails (no model loaded, bad input, numerical error…)
   */
  HiddenStateResult map(String text, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /** The current model has no recurrent layer, so there are no hidden states over time. */
  final class NoRecurrentLayerException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message names the model and what it has instead */
    public NoRecurrentLayerException(String message) {
      super(message);
    }
  }
}
