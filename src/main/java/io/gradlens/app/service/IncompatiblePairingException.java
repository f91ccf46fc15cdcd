package io.gradlens.app.service;

/**
 * A computation was refused because the model was not made for the dataset (other classes, input
 * kind or shape, or no known word; see {@link io.gradlens.workflow.explain.ModelDatasetFit}). The
 * workbench already says so in its banner, so it is shown in the view's status, not as an error
 * dialog.
 */
public final class IncompatiblePairingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** @param message the fit's reasons in one line, naming the model and the dataset */
  public IncompatiblePairingException(String message) {
    super(message);
  }
}
