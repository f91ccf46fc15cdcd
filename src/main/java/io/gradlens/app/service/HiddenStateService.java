package io.gradlens.app.service;

import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.HiddenStateReading;
import io.gradlens.workflow.hidden.HiddenStateSample;
import java.util.List;

/**
 * Hidden-state gradients over time of the current model's recurrent layer: for one text the mean
 * hidden state per step, the per-step curve c[t] and the T&times;T map G[t][s]; for a seeded sample
 * of texts their curves (see {@code io.gradlens.workflow.hidden.HiddenStateWorkflow}).
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
   * @throws io.gradlens.workflow.hidden.NoRecurrentLayerException when the current model has no
   *     recurrent layer (a normal situation for CNN or image models, shown as a message)
   * @throws Exception when the computation fails (no model loaded, bad input, numerical error…)
   */
  HiddenStateGradientMap map(String text, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /**
   * Everything the Hidden state tab shows of {@code text} under the current model: with
   * {@code units} null the map of the mean over units; otherwise the selected units' curves and
   * the map of the first of them; and the prediction and out-of-vocabulary tokens.
   *
   * @throws Exception as {@link #map}, and for a unit the layer lacks
   */
  HiddenStateReading read(String text, HiddenUnitSelection units, ProgressListener progress,
      CancellationToken cancel) throws Exception;

  /**
   * The curves of up to {@code size} of {@code texts}, drawn with {@code seed}
   * ({@code HiddenStateWorkflow.pick}).
   *
   * @throws Exception as {@link #map}
   */
  HiddenStateSample sample(List<String> texts, int size, long seed, ProgressListener progress,
      CancellationToken cancel) throws Exception;
}
