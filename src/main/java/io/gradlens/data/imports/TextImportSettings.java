package io.gradlens.data.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides how one labelled text file becomes a {@link io.gradlens.data.TextDataset}.
 *
 * @param file         the CSV, TSV or JSONL file (optionally gzip)
 * @param format       its layout
 * @param delimiter    the field delimiter of CSV/TSV (ignored for JSONL)
 * @param columns      which column holds what
 * @param classes      the class names in index order, or empty to derive them from the labels
 * @param order        how derived word classes are ordered
 * @param tokenizer    how texts are tokenized (masks are checked against these tokens)
 * @param testFraction share of records put in the test set when there is no split column
 * @param seed         seed of that stratified split
 */
public record TextImportSettings(Path file, TableFormat format, char delimiter, ColumnMapping columns,
                                 List<String> classes, ClassOrder order, TokenizerOptions tokenizer,
                                 double testFraction, long seed) {

    /** Checks the arguments and copies the class list. */
    public TextImportSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(columns, "columns");
        classes = List.copyOf(classes);
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
    }

    /**
     * Defaults for {@code file}: format and delimiter from the extension (CSV when unknown),
     * {@link ColumnMapping#defaults()}, derived classes {@link ClassOrder#SORTED sorted},
     * {@link TokenizerOptions#defaults()}, 20 % test, seed 0.
     */
    public static TextImportSettings defaults(Path file) {
        TableFormat format = TableFormat.ofPath(file);
        TableFormat effective = format == null ? TableFormat.CSV : format;
        return new TextImportSettings(file, effective, effective.defaultDelimiter(), ColumnMapping.defaults(),
                List.of(), ClassOrder.SORTED, TokenizerOptions.defaults(), 0.2, 0L);
    }

    /** These settings for another file (format and delimiter unchanged). */
    public TextImportSettings withFile(Path newFile) {
        return new TextImportSettings(newFile, format, delimiter, columns, classes, order, tokenizer, testFraction, seed);
    }

    /** These settings with another format and that format's default delimiter. */
    public TextImportSettings withFormat(TableFormat newFormat) {
        return new TextImportSettings(file, newFormat, newFormat.defaultDelimiter(), columns, classes, order, tokenizer,
                testFraction, seed);
    }

    /** These settings with another delimiter. */
    public TextImportSettings withDelimiter(char newDelimiter) {
        return new TextImportSettings(file, format, newDelimiter, columns, classes, order, tokenizer, testFraction, seed);
    }

    /** These settings with another column mapping. */
    public TextImportSettings withColumns(ColumnMapping newColumns) {
        return new TextImportSettings(file, format, delimiter, newColumns, classes, order, tokenizer, testFraction, seed);
    }

    /** These settings with an explicit class list (empty: derive from the labels). */
    public TextImportSettings withClasses(List<String> newClasses) {
        return new TextImportSettings(file, format, delimiter, columns, newClasses, order, tokenizer, testFraction, seed);
    }

    /** These settings with another order for derived classes. */
    public TextImportSettings withOrder(ClassOrder newOrder) {
        return new TextImportSettings(file, format, delimiter, columns, classes, newOrder, tokenizer, testFraction, seed);
    }

    /** These settings with other tokenizer options. */
    public TextImportSettings withTokenizer(TokenizerOptions newTokenizer) {
        return new TextImportSettings(file, format, delimiter, columns, classes, order, newTokenizer, testFraction, seed);
    }

    /** These settings with another test fraction. */
    public TextImportSettings withTestFraction(double newTestFraction) {
        return new TextImportSettings(file, format, delimiter, columns, classes, order, tokenizer, newTestFraction, seed);
    }

    /** These settings with another split seed. */
    public TextImportSettings withSeed(long newSeed) {
        return new TextImportSettings(file, format, delimiter, columns, classes, order, tokenizer, testFraction, newSeed);
    }
}
