package io.gradlens.export;

import io.gradlens.explain.Attribution;
import java.util.List;
import java.util.Objects;

/**
 * One explained example as the attribution writers take it: the attribution, where the example
 * came from, its true class, and the model's class names.
 *
 * @param attribution the scores and the model's output
 * @param split       {@code train} or {@code test}, or null for an input that is no dataset example
 * @param index       the example's position in its split of the unedited dataset (or its row in a
 *                    NumPy batch), or -1 for a single text
 * @param label       the true class, or null when unknown
 * @param classNames  the model's class names
 */
public record AttributionRecord(Attribution attribution, String split, int index, Integer label,
                                List<String> classNames) {

    /** Copies the class names. */
    public AttributionRecord {
        Objects.requireNonNull(attribution, "attribution");
        classNames = List.copyOf(classNames);
    }
}
