package io.gradlens.data.imports;

import io.gradlens.data.ImageSize;
import java.util.List;
import java.util.Objects;

/**
 * How to read a dataset file or folder of any kind: the one settings record that the command
 * line's dataset options and the workbench build, read by {@link DatasetFiles}.
 *
 * @param delimiter    CSV/TSV field delimiter, or null for the extension's ({@code ,} for .csv, tab for .tsv)
 * @param columns      which columns hold text, label, mask, id and split; null for today's names
 *                     ({@link ColumnMapping#defaults()}), falling back to {@link ColumnGuess} when the
 *                     file has no {@code text} column but the guess finds a text and a label column
 * @param classes      explicit class names in index order, or empty to derive them
 * @param order        order of derived word classes
 * @param tokenizer    how texts are tokenized (recorded in a model trained on them)
 * @param imageSize    resize every image to this size, or null to refuse images of different sizes
 * @param inputColumns input columns of a numeric table, or empty for all but the target and split
 * @param targetColumn target column of a numeric table, or null for the default
 * @param testFraction test share of files without a split column (text)
 */
public record DatasetReadOptions(Character delimiter, ColumnMapping columns, List<String> classes, ClassOrder order,
                                 TokenizerOptions tokenizer, ImageSize imageSize,
                                 List<String> inputColumns, String targetColumn, double testFraction) {

    /** Copies the lists and checks the rest. */
    public DatasetReadOptions {
        classes = List.copyOf(classes);
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(tokenizer, "tokenizer");
        inputColumns = List.copyOf(inputColumns);
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
    }

    /** Everything as GradLens always read files: extension delimiter, today's columns, derived sorted classes. */
    public static DatasetReadOptions defaults() {
        return new DatasetReadOptions(null, null, List.of(), ClassOrder.SORTED, TokenizerOptions.defaults(), null,
                List.of(), null, 0.2);
    }

    /** These options with another delimiter (null: the extension's). */
    public DatasetReadOptions withDelimiter(Character newDelimiter) {
        return new DatasetReadOptions(newDelimiter, columns, classes, order, tokenizer, imageSize, inputColumns,
                targetColumn, testFraction);
    }

    /** These options with another column mapping (null: today's names, guessed when absent). */
    public DatasetReadOptions withColumns(ColumnMapping newColumns) {
        return new DatasetReadOptions(delimiter, newColumns, classes, order, tokenizer, imageSize, inputColumns,
                targetColumn, testFraction);
    }

    /** These options with another order for classes named by word labels. */
    public DatasetReadOptions withOrder(ClassOrder newOrder) {
        return new DatasetReadOptions(delimiter, columns, classes, newOrder, tokenizer, imageSize, inputColumns,
                targetColumn, testFraction);
    }

    /** The options that read a text file as {@code settings} say (file and seed are the caller's). */
    public static DatasetReadOptions of(TextImportSettings settings) {
        return new DatasetReadOptions(settings.format() == TableFormat.JSONL ? null : settings.delimiter(),
                settings.columns(), settings.classes(), settings.order(), settings.tokenizer(), null, List.of(), null,
                settings.testFraction());
    }

    /** These options with an explicit class list (empty: derive). */
    public DatasetReadOptions withClasses(List<String> names) {
        return new DatasetReadOptions(delimiter, columns, names, order, tokenizer, imageSize, inputColumns,
                targetColumn, testFraction);
    }

    /** These options with other tokenizer options. */
    public DatasetReadOptions withTokenizer(TokenizerOptions options) {
        return new DatasetReadOptions(delimiter, columns, classes, order, options, imageSize, inputColumns,
                targetColumn, testFraction);
    }

    /** These options with another image size (null: refuse mismatched sizes). */
    public DatasetReadOptions withImageSize(ImageSize size) {
        return new DatasetReadOptions(delimiter, columns, classes, order, tokenizer, size, inputColumns,
                targetColumn, testFraction);
    }

    /** Whether numeric-table columns were chosen. */
    public boolean choosesTableColumns() {
        return !inputColumns.isEmpty() || targetColumn != null;
    }
}
