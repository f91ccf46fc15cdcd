package io.gradlens.autodiff;

/**
 * Thrown instead of returning a silent {@code null} gradient: the target does not depend on a
 * source through the operations the tape recorded. The message says why and what to do; {@link
 * #reason()} tells programs.
 */
public final class DisconnectedGradientException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why no gradient flows. */
    public enum Reason {
        /** The source is a constant that was never passed to {@code watch}. */
        NOT_WATCHED,
        /** The source was computed before the tape started or after it stopped recording. */
        COMPUTED_OUTSIDE_TAPE,
        /** The source holds integers (token ids, labels): it has no gradient. */
        INTEGER_TENSOR,
        /** The source was computed after the target, e.g. a slice taken after the loss. */
        COMPUTED_AFTER_TARGET,
        /** The tape tracked the source, but the target's computation never used it. */
        NOT_CONNECTED
    }

    private final Reason reason;

    DisconnectedGradientException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
