package io.gradlens.app.service;

/**
 * What a sensitivity computation explains.
 *
 * @param model the model, or {@code null} for the current model
 * @param dataset the dataset whose test rows a classifier is explained on ({@code null}: none
 *     chosen); a regression model reads the dataset it was trained on
 * @param rows how many test rows, from the first
 * @param targetClass a classifier's explained class, or {@code null} for each row's prediction
 */
public record SensitivityRequest(WorkspaceEntry model, WorkspaceEntry dataset, int rows,
    Integer targetClass) {

  /** Checks the row count and the class. */
  public SensitivityRequest {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
    if (targetClass != null && targetClass < 0) {
      throw new IllegalArgumentException("target class must be >= 0, got " + targetClass);
    }
  }
}
