package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads a labelled text file (CSV, TSV or JSONL, see {@link TableReader}) into a {@link TextDataset}.
 *
 * <p>Columns: {@code text} (required, not blank), {@code label} (required, a class index
 * 0..k-1), {@code mask} (optional: one number in [0, 1] per token of
 * {@link Tokenizer#tokenize}, separated by single spaces — or a JSON array in JSONL — 1 = may
 * matter), {@code split} (optional: {@code train} or {@code test}; without it the split is
 * {@link StratifiedSplit stratified} by label with the options' seed). Other columns are ignored.
 */
public final class TextFileReader {

    private TextFileReader() {
    }

    /** Reads {@code file} as described in the class comment. */
    public static TextDataset read(Path file, TextFileOptions options) throws IOException {
        List<TableRow> rows = TableReader.read(file, options.limits());
        if (rows.size() > options.limits().maxRecords()) {
            throw DatasetFormatException.inFile(file, rows.size() + " records exceed the limit of " + options.limits().maxRecords());
        }
        List<TextExample> examples = new ArrayList<>(rows.size());
        List<String> splits = new ArrayList<>(rows.size());
        int maxLabel = 0;
        for (TableRow row : rows) {
            String text = required(file, row, "text");
            if (text.isBlank()) {
                throw DatasetFormatException.atLine(file, row.line(), "text is empty");
            }
            int maxTokens = options.limits().maxTokensPerText();
            int tokens = Tokenizer.count(text, maxTokens);
            if (tokens > maxTokens) {
                throw DatasetFormatException.atLine(file, row.line(), ReadLimits.TOKENS_PER_TEXT.problem(
                        "the text's token count", maxTokens));
            }
            int label = parseLabel(file, row, options.classNames());
            int maxClasses = options.limits().maxClasses();
            if (options.classNames() == null && label >= maxClasses) {
                throw DatasetFormatException.atLine(file, row.line(), ReadLimits.CLASSES.problem("label " + label
                        + " (it makes " + (label + 1L) + " classes)", maxClasses));
            }
            maxLabel = Math.max(maxLabel, label);
            float[] mask = parseMask(file, row, text);
            examples.add(new TextExample(text, label, mask));
            splits.add(parseSplit(file, row));
        }
        List<String> classNames = options.classNames() != null ? options.classNames()
                : IntStream.rangeClosed(0, maxLabel).mapToObj(Integer::toString).collect(Collectors.toList());
        boolean[] test = splitOf(file, rows, splits, examples, options);
        List<TextExample> train = new ArrayList<>();
        List<TextExample> testSet = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (test[i] ? testSet : train).add(examples.get(i));
        }
        DatasetInfo info = options.info() != null ? options.info() : DatasetInfo.ofFile(file);
        return new TextDataset(options.name(), classNames, train, testSet, info);
    }

    private static boolean[] splitOf(Path file, List<TableRow> rows, List<String> splits, List<TextExample> examples,
                                     TextFileOptions options) {
        boolean hasSplit = splits.stream().anyMatch(s -> s != null);
        boolean[] test = new boolean[examples.size()];
        if (hasSplit) {
            for (int i = 0; i < test.length; i++) {
                if (splits.get(i) == null) {
                    throw DatasetFormatException.atLine(file, rows.get(i).line(), "no \"split\" field, but other records have one");
                }
                test[i] = "test".equals(splits.get(i));
            }
            return test;
        }
        int[] labels = examples.stream().mapToInt(TextExample::label).toArray();
        return StratifiedSplit.testMask(labels, options.testFraction(), options.seed());
    }

    private static String required(Path file, TableRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw DatasetFormatException.atLine(file, row.line(), "no \"" + column + "\" field; fields are " + row.fields().keySet());
        }
        return value;
    }

    private static int parseLabel(Path file, TableRow row, List<String> classNames) {
        String raw = required(file, row, "label").trim();
        int label;
        try {
            label = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            label = -1;
        }
        if (classNames != null && (label < 0 || label >= classNames.size())) {
            List<Integer> allowed = IntStream.range(0, classNames.size()).boxed().collect(Collectors.toList());
            throw DatasetFormatException.atLine(file, row.line(), "label \"" + raw + "\" is not one of " + allowed);
        }
        if (label < 0) {
            throw DatasetFormatException.atLine(file, row.line(), "label \"" + raw + "\" is not a class index (0, 1, 2, ...)");
        }
        return label;
    }

    private static float[] parseMask(Path file, TableRow row, String text) {
        String raw = row.get("mask");
        if (raw == null) {
            return null;
        }
        String[] parts = raw.isBlank() ? new String[0] : raw.trim().split(" +");
        int tokens = Tokenizer.tokenize(text).size();
        if (parts.length != tokens) {
            throw DatasetFormatException.atLine(file, row.line(), "mask has " + parts.length
                    + " values but the text has " + tokens + " tokens");
        }
        float[] mask = new float[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                mask[k] = Float.parseFloat(parts[k]);
            } catch (NumberFormatException e) {
                mask[k] = Float.NaN;
            }
            if (!(mask[k] >= 0 && mask[k] <= 1)) {
                throw DatasetFormatException.atLine(file, row.line(), "mask value \"" + parts[k] + "\" (token " + (k + 1)
                        + ") is not a number in [0, 1]");
            }
        }
        return mask;
    }

    private static String parseSplit(Path file, TableRow row) {
        String split = row.get("split");
        if (split != null && !split.equals("train") && !split.equals("test")) {
            throw DatasetFormatException.atLine(file, row.line(), "split \"" + split + "\" is not train or test");
        }
        return split;
    }
}
