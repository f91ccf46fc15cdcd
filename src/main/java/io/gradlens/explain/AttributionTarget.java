package io.gradlens.explain;

/**
 * The class an attribution explains: the model's predicted class for each example (the default)
 * or one fixed class for all.
 *
 * @param classIndex the fixed class, or {@code -1} for the predicted class
 */
public record AttributionTarget(int classIndex) {

    public AttributionTarget {
        if (classIndex < -1) {
            throw new IllegalArgumentException("a target class must be ≥ 0 (or -1 for the prediction), got "
                    + classIndex);
        }
    }

    /** The predicted class of each example. */
    public static AttributionTarget predicted() {
        return new AttributionTarget(-1);
    }

    /** A fixed class. */
    public static AttributionTarget of(int classIndex) {
        if (classIndex < 0) {
            throw new IllegalArgumentException("a target class must be ≥ 0, got " + classIndex);
        }
        return new AttributionTarget(classIndex);
    }

    /** Whether the predicted class is explained. */
    public boolean isPredicted() {
        return classIndex < 0;
    }

    /** The class for an example whose predicted class is {@code predicted}; checks the range. */
    int resolve(int predicted, int numClasses) {
        if (isPredicted()) {
            return predicted;
        }
        if (classIndex >= numClasses) {
            throw new IllegalArgumentException("target class " + classIndex + " is out of range: the model has "
                    + numClasses + " classes (0.." + (numClasses - 1) + ")");
        }
        return classIndex;
    }

    @Override
    public String toString() {
        return isPredicted() ? "predicted" : Integer.toString(classIndex);
    }
}
