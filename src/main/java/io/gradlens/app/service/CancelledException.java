package io.gradlens.app.service;

/** Thrown by core code that stops early because its {@link CancellationToken} was cancelled. */
public final class CancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a fixed message. */
  public CancelledException() {
    super("Cancelled");
  }
}
