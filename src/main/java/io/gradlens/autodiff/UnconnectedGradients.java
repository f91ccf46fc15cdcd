package io.gradlens.autodiff;

/** What {@link GradientTape#gradient} returns for a source the target does not depend on. */
public enum UnconnectedGradients {
    /** Throw a {@link DisconnectedGradientException} that explains why (the default). */
    RAISE,
    /** Return zeros shaped like the source. */
    ZERO
}
