package io.gradlens.app.core;

/** The current model cannot read a dataset: other input kind, shape, or number of classes. */
public final class ModelMismatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** @param message one line that names the model's and the dataset's expectations */
  public ModelMismatchException(String message) {
    super(message);
  }
}
