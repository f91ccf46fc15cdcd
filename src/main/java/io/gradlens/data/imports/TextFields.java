package io.gradlens.data.imports;

import io.gradlens.data.ReadLimits;
import io.gradlens.data.TableRow;
import io.gradlens.data.Tokenizer;

/**
 * Checks the fields of one record against a {@link ColumnMapping}: the text must be present and
 * not blank and have no more tokens than {@link ReadLimits#maxTokensPerText()}; the label must be
 * present; a mask, when given, holds one number in [0, 1] per token (separated by spaces, or a JSON
 * array); a split is {@code train} or {@code test}. When the tokenizer caps the tokens, a mask with
 * one value per token of the whole text is cut to the kept tokens.
 */
final class TextFields {

    /** A record's checked fields, or the first problem of the record. */
    record Result(TextRecord record, ImportProblem problem) {
    }

    private final ColumnMapping columns;
    private final Tokenizer tokenizer;
    private final Tokenizer uncapped;
    private final int maxTokens;

    TextFields(ColumnMapping columns, Tokenizer tokenizer, ReadLimits limits) {
        this.columns = columns;
        this.tokenizer = tokenizer;
        this.uncapped = Tokenizer.of(tokenizer.lowercase(), tokenizer.splitPunctuation(), 0);
        this.maxTokens = limits.maxTokensPerText();
    }

    Result check(TableRow row) {
        String text = row.get(columns.text());
        if (text == null) {
            return problem(row, columns.text(), "no \"" + columns.text() + "\" field; fields are " + row.fields().keySet());
        }
        if (text.isBlank()) {
            return problem(row, columns.text(), "text is empty");
        }
        if (tokenizer.countUpTo(text, maxTokens) > maxTokens) {
            return problem(row, columns.text(), ReadLimits.TOKENS_PER_TEXT.problem("the text's token count", maxTokens));
        }
        String label = row.get(columns.label());
        if (label == null) {
            return problem(row, columns.label(), "no \"" + columns.label() + "\" field; fields are "
                    + row.fields().keySet());
        }
        Boolean test = null;
        if (columns.split() != null && row.get(columns.split()) != null) {
            String split = row.get(columns.split());
            if (!split.equals("train") && !split.equals("test")) {
                return problem(row, columns.split(), "split \"" + split + "\" is not train or test");
            }
            test = split.equals("test");
        }
        String rawMask = columns.mask() == null ? null : row.get(columns.mask());
        if (rawMask == null || rawMask.isBlank()) {
            return new Result(new TextRecord(row.line(), text, label, null, test), null);
        }
        String[] parts = rawMask.trim().split(" +");
        int tokens = tokenizer.tokens(text).size();
        if (parts.length != tokens && !(tokenizer.maxTokens() > 0 && parts.length == uncapped.tokens(text).size())) {
            return problem(row, columns.mask(), "mask has " + parts.length + " values but the text has " + tokens
                    + " tokens");
        }
        float[] mask = new float[tokens];
        for (int k = 0; k < parts.length; k++) {
            float value;
            try {
                value = Float.parseFloat(parts[k]);
            } catch (NumberFormatException e) {
                value = Float.NaN;
            }
            if (!(value >= 0 && value <= 1)) {
                return problem(row, columns.mask(), "mask value \"" + parts[k] + "\" (token " + (k + 1)
                        + ") is not a number in [0, 1]");
            }
            if (k < tokens) {
                mask[k] = value;
            }
        }
        return new Result(new TextRecord(row.line(), text, label, mask, test), null);
    }

    private static Result problem(TableRow row, String column, String message) {
        return new Result(null, new ImportProblem(row.line(), column, message));
    }
}
