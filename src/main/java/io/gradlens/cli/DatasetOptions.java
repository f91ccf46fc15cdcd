package io.gradlens.cli;

import io.gradlens.data.ImageSize;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.DatasetReadOptions;
import io.gradlens.data.imports.TokenizerOptions;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How every command that takes {@code --dataset} reads a dataset file: delimiter, column mapping,
 * class names and order, tokenizer, image size, table columns. A picocli mixin whose
 * {@link #settings()} is the one {@link DatasetReadOptions} record the workflow reads; built-in
 * datasets ignore these options.
 */
final class DatasetOptions {

    @Option(names = "--delimiter", description = "Field delimiter of a CSV/TSV file: one character, or 'tab' "
            + "(default: ',' for .csv, tab for .tsv). A .csv keeps RFC 4180 quoting with any delimiter.")
    String delimiter;

    @Option(names = "--text-column", description = "Column (CSV/TSV) or key (JSONL, dotted for nested: meta.text) "
            + "of the text. Default text.")
    String textColumn;

    @Option(names = "--label-column", description = "Column or key of the label (a word or a class index). "
            + "Default label.")
    String labelColumn;

    @Option(names = "--mask-column", description = "Column or key of the optional token mask. Default mask.")
    String maskColumn;

    @Option(names = "--id-column", description = "Column or key of the optional record id. Default id.")
    String idColumn;

    @Option(names = "--split-column", description = "Column or key of the optional train/test split. "
            + "Default split.")
    String splitColumn;

    @Option(names = "--classes", split = ",", description = "Class names in index order, e.g. negative,positive "
            + "(default: from the labels; with --model: the model's classes).")
    List<String> classes;

    @Option(names = "--class-order", defaultValue = "sorted", description = "Order of classes named by word labels: "
            + "sorted or first-appearance. Default ${DEFAULT-VALUE}.")
    String classOrder;

    @Option(names = "--lowercase", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Lowercase tokens (--no-lowercase keeps case). Default on; a model keeps its own.")
    boolean lowercase;

    @Option(names = "--split-punctuation", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Make each punctuation mark a token (--no-split-punctuation splits at spaces only). "
                    + "Default on; a model keeps its own.")
    boolean splitPunctuation;

    @Option(names = "--max-tokens", defaultValue = "0", description = "Keep the first N tokens of each text "
            + "(0: all). Default ${DEFAULT-VALUE}; a model keeps its own.")
    int maxTokens;

    @Option(names = "--image-size", description = "Resize every image of a folder to WIDTHxHEIGHT, e.g. 28x28 "
            + "(default: all images must have one size).")
    String imageSize;

    @Option(names = "--input-columns", split = ",", description = "Input columns of a numeric CSV/TSV table "
            + "(default: all but the target and split).")
    List<String> inputColumns;

    @Option(names = "--target-column", description = "Target column of a numeric table (default: target, else the "
            + "last column).")
    String targetColumn;

    /** The options as one checked settings record. */
    DatasetReadOptions settings() {
        ColumnMapping columns = null;
        if (textColumn != null || labelColumn != null || maskColumn != null || idColumn != null
                || splitColumn != null) {
            ColumnMapping d = ColumnMapping.defaults();
            columns = new ColumnMapping(or(textColumn, d.text()), or(labelColumn, d.label()), or(maskColumn, d.mask()),
                    or(idColumn, d.id()), or(splitColumn, d.split()));
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("--max-tokens must be 0 (all) or positive, got " + maxTokens);
        }
        return new DatasetReadOptions(delimiter(), columns, classes == null ? List.of() : classes(), order(),
                new TokenizerOptions(lowercase, splitPunctuation, maxTokens),
                imageSize == null ? null : parseImageSize(), inputColumns == null ? List.of() : inputColumns,
                targetColumn, 0.2);
    }

    private List<String> classes() {
        List<String> names = classes.stream().map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("--classes " + String.join(",", classes) + ": each class must be named "
                    + "once, without empty names");
        }
        return names;
    }

    private ClassOrder order() {
        return switch (classOrder.toLowerCase(Locale.ROOT)) {
            case "sorted" -> ClassOrder.SORTED;
            case "first-appearance" -> ClassOrder.FIRST_APPEARANCE;
            default -> throw new IllegalArgumentException("--class-order " + classOrder
                    + ": expected sorted or first-appearance");
        };
    }

    private Character delimiter() {
        if (delimiter == null) {
            return null;
        }
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r")) {
            throw new IllegalArgumentException("--delimiter '" + delimiter + "': expected one character other than a "
                    + "quote or line break, or 'tab'");
        }
        return delimiter.charAt(0);
    }

    private ImageSize parseImageSize() {
        try {
            return ImageSize.parse(imageSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--image-size: " + e.getMessage(), e);
        }
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
