package io.gradlens.data.imports;

/**
 * One problem found in a file while previewing it.
 *
 * @param line    1-based line where the offending record starts (0: the file as a whole)
 * @param column  the column or key concerned, or {@code null}
 * @param message what is wrong, e.g. {@code mask has 3 values but the text has 4 tokens}
 */
public record ImportProblem(long line, String column, String message) {
}
