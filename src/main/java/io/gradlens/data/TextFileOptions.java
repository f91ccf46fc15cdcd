package io.gradlens.data;

import java.util.List;

/**
 * How {@link TextFileReader} turns a table into a {@link TextDataset}.
 *
 * @param name         dataset name
 * @param classNames   names of the classes by index, or {@code null} to derive them from the labels:
 *                     {@code "0".."k-1"} for class indices ({@code k - 1} the largest), the sorted
 *                     words for word labels
 * @param testFraction fraction of examples put in the test set when the file has no {@code split} column
 * @param seed         seed of that split
 * @param info         provenance, or {@code null} for {@link DatasetInfo#ofFile}
 * @param limits       size limits
 */
public record TextFileOptions(String name, List<String> classNames, double testFraction, long seed,
                              DatasetInfo info, ReadLimits limits) {

    /** Defaults: inferred classes, 20 % test, seed 0, the limits in force ({@link ReadLimits#current()}). */
    public static TextFileOptions defaults(String name) {
        return new TextFileOptions(name, null, 0.2, 0L, null, ReadLimits.current());
    }

    /** These options with the given class names. */
    public TextFileOptions withClassNames(List<String> names) {
        return new TextFileOptions(name, names, testFraction, seed, info, limits);
    }

    /** These options with the given provenance. */
    public TextFileOptions withInfo(DatasetInfo newInfo) {
        return new TextFileOptions(name, classNames, testFraction, seed, newInfo, limits);
    }

    /** These options with the given limits. */
    public TextFileOptions withLimits(ReadLimits newLimits) {
        return new TextFileOptions(name, classNames, testFraction, seed, info, newLimits);
    }
}
