package io.gradlens.app.service;

/**
 * The sensitivity of the output to one input entry, over all analysed rows.
 *
 * @param input the model input the entry belongs to (e.g. {@code features})
 * @param feature the entry's name (e.g. {@code area_sqm})
 * @param mean mean of ∂output/∂entry over the rows
 * @param meanAbsolute mean of |∂output/∂entry| over the rows
 */
public record FeatureSensitivity(String input, String feature, double mean, double meanAbsolute) {

  /** @return "input / feature", or the feature alone when the input is named after it */
  public String label() {
    return input.equals(feature) ? feature : input + " / " + feature;
  }
}
