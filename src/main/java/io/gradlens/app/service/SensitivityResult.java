package io.gradlens.app.service;

import java.util.List;

/**
 * The input sensitivity of a model over some rows of a dataset.
 *
 * @param model the model's name
 * @param dataset the dataset's name
 * @param output the differentiated output, e.g. {@code regression} or {@code logprob[predicted]}
 * @param classNames a classifier's classes (empty for a regression model)
 * @param features the shown features, in input order (for large inputs the most sensitive ones)
 * @param totalFeatures how many input entries the model has in all
 * @param rows the analysed rows with their per-feature gradients
 */
public record SensitivityResult(String model, String dataset, String output,
    List<String> classNames, List<FeatureSensitivity> features, int totalFeatures,
    List<SensitivityRow> rows) {

  /** Copies the lists and checks that every row has one gradient per feature. */
  public SensitivityResult {
    classNames = List.copyOf(classNames);
    features = List.copyOf(features);
    rows = List.copyOf(rows);
    for (SensitivityRow r : rows) {
      if (r.gradients().length != features.size()) {
        throw new IllegalArgumentException("row " + r.index() + " has " + r.gradients().length
            + " gradients for " + features.size() + " features");
      }
    }
  }

  /** @return true when only the most sensitive of more input entries are shown */
  public boolean isTruncated() {
    return features.size() < totalFeatures;
  }
}
