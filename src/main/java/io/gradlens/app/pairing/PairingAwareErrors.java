package io.gradlens.app.pairing;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.IncompatiblePairingException;
import java.util.logging.Logger;

/**
 * An {@link ErrorReporter} that shows no dialog for a computation refused because the model was
 * not made for the dataset ({@link IncompatiblePairingException}): the {@link PairingBanner}
 * already says so, and each view shows the message in its status line. Everything else goes to
 * the wrapped reporter.
 */
public final class PairingAwareErrors implements ErrorReporter {

  private static final Logger LOG = Logger.getLogger(PairingAwareErrors.class.getName());

  private final ErrorReporter delegate;

  /** @param delegate reports every other failure */
  public PairingAwareErrors(ErrorReporter delegate) {
    this.delegate = delegate;
  }

  @Override
  public void report(String action, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IncompatiblePairingException refused) {
        LOG.info(() -> action + " refused: " + refused.getMessage());
        return;
      }
    }
    delegate.report(action, error);
  }
}
