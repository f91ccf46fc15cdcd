package io.gradlens.data;

/** A dataset file or folder is not where it should be; the message names the path and the remedy. */
public final class MissingDatasetException extends IllegalStateException {

    /** An exception with the given message. */
    public MissingDatasetException(String message) {
        super(message);
    }
}
