package io.gradlens.app.settings;

/**
 * What the workbench was showing when it was last quit, restored at the next start: the current
 * dataset and model (by workspace id, and by file for ones opened from a file), the selected tab
 * and the Saliency toolbar's method settings. Any part may be {@code null} (not known).
 *
 * @param datasetId workspace id of the current dataset ({@code builtin:sentences})
 * @param datasetFile the dataset's file when it was opened from one, else {@code null}
 * @param modelId workspace id of the current model ({@code shipped:sentiment-lstm})
 * @param modelFile the model's file when it was opened from one, else {@code null}
 * @param tab id of the selected analysis tab ({@code tab-saliency})
 * @param saliency the Saliency toolbar's settings
 */
public record SessionState(String datasetId, String datasetFile, String modelId, String modelFile,
    String tab, SaliencySettings saliency) {

  /** @return the state of a first run: nothing to restore */
  public static SessionState none() {
    return new SessionState(null, null, null, null, null, null);
  }

  /**
   * The Saliency toolbar's method settings, by name so that a renamed constant is ignored rather
   * than breaking the file.
   *
   * @param method the attribution method's constant name ({@code INTEGRATED_GRADIENTS})
   * @param aggregation the per-token aggregation's constant name
   * @param steps Integrated Gradients steps
   * @param samples SmoothGrad samples
   * @param noise SmoothGrad noise σ
   * @param normalize whether colours are normalised per example
   */
  public record SaliencySettings(String method, String aggregation, Integer steps, Integer samples,
      Double noise, Boolean normalize) {
  }
}
