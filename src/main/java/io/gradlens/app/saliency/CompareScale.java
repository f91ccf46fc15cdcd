package io.gradlens.app.saliency;

/** How compare mode colours the two models' heatmaps. */
public enum CompareScale {
  /** Each heatmap normalised by its own max |score|. */
  PER_MODEL("Per model"),
  /** Both heatmaps normalised by the larger max |score| of the two. */
  SHARED("Shared");

  private final String label;

  CompareScale(String label) {
    this.label = label;
  }

  /** @return the label the toggle shows */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
