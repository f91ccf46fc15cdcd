package io.gradlens.data.edits;

/** An edit list does not fit the dataset it is applied to; the message names the edit and why. */
public final class DatasetEditException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what edit and why, e.g. "edit 3 (relabel train #12 → class 1): …" */
    public DatasetEditException(String message) {
        super(message);
    }
}
