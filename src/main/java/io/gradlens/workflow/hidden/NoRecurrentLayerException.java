package io.gradlens.workflow.hidden;

/**
 * The model has no recurrent layer (an image model, a bag-of-words or convolutional text model), so
 * it has no hidden states over time. Bad input to the command line (exit code 2); a normal situation
 * in the workbench, shown as a message rather than an error.
 */
public final class NoRecurrentLayerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message names the model and what it has instead */
    public NoRecurrentLayerException(String message) {
        super(message);
    }
}
