package io.gradlens.workflow.explain;

/**
 * A model cannot read a dataset: another kind of input, another image shape, another number of
 * classes, or a vocabulary that knows none of its words. The message names both sides.
 */
public final class ModelDatasetMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming what the model reads and what the dataset holds */
    public ModelDatasetMismatchException(String message) {
        super(message);
    }
}
