package io.gradlens.data;

import java.util.Map;

/**
 * One record of a CSV, TSV or JSONL file: its 1-based line and its fields by column name.
 *
 * @param line   1-based line in the file
 * @param fields column name → value (JSON numbers and arrays are given as text; an array of
 *               numbers becomes its values joined by single spaces)
 */
public record TableRow(long line, Map<String, String> fields) {

    /** The value of {@code column}, or {@code null} when the row lacks it. */
    public String get(String column) {
        return fields.get(column);
    }
}
