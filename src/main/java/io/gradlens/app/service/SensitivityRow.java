package io.gradlens.app.service;

/**
 * One analysed row: the model's output and its gradient per shown feature.
 *
 * @param index the row's index in the dataset's test split
 * @param output the differentiated output for this row
 * @param gradients ∂output/∂feature, in the order of {@link SensitivityResult#features()}
 */
public record SensitivityRow(int index, double output, double[] gradients) {

  /** Copies the gradients. */
  public SensitivityRow {
    gradients = gradients.clone();
  }

  @Override
  public double[] gradients() {
    return gradients.clone();
  }

  /** @return the gradient of feature {@code j} */
  public double gradient(int j) {
    return gradients[j];
  }
}
