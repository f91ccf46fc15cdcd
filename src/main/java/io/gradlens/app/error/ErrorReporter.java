package io.gradlens.app.error;

/** Tells the user that something failed; view models depend on this UI-free interface. */
@FunctionalInterface
public interface ErrorReporter {

  /**
   * Reports a failure. Called on the UI thread.
   *
   * @param action what was being done, e.g. "Open dataset"
   * @param error the failure
   */
  void report(String action, Throwable error);
}
