package io.gradlens.data.imports;

/**
 * Which column (CSV/TSV header name) or key (JSONL; dotted for nested objects, e.g.
 * {@code meta.label}) holds what; {@code null} means absent.
 *
 * @param text  the text to classify (required)
 * @param label the class, a word or a class index (required)
 * @param mask  optional per-token relevance (numbers in [0, 1] separated by spaces, or a JSON array)
 * @param id    optional identifier of the record (kept for reports; not used for training)
 * @param split optional {@code train}/{@code test} assignment of the record
 */
public record ColumnMapping(String text, String label, String mask, String id, String split) {

    /** Blank names mean absent. */
    public ColumnMapping {
        text = blankToNull(text);
        label = blankToNull(label);
        mask = blankToNull(mask);
        id = blankToNull(id);
        split = blankToNull(split);
    }

    /** Today's names: {@code text}, {@code label}, {@code mask}, {@code id}, {@code split}. */
    public static ColumnMapping defaults() {
        return new ColumnMapping("text", "label", "mask", "id", "split");
    }

    /** This mapping with another text column. */
    public ColumnMapping withText(String column) {
        return new ColumnMapping(column, label, mask, id, split);
    }

    /** This mapping with another label column. */
    public ColumnMapping withLabel(String column) {
        return new ColumnMapping(text, column, mask, id, split);
    }

    /** This mapping with another mask column. */
    public ColumnMapping withMask(String column) {
        return new ColumnMapping(text, label, column, id, split);
    }

    /** This mapping with another id column. */
    public ColumnMapping withId(String column) {
        return new ColumnMapping(text, label, mask, column, split);
    }

    /** This mapping with another split column. */
    public ColumnMapping withSplit(String column) {
        return new ColumnMapping(text, label, mask, id, column);
    }

    private static String blankToNull(String name) {
        return name == null || name.isBlank() ? null : name;
    }
}
