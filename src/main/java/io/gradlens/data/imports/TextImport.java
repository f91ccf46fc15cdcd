package io.gradlens.data.imports;

import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.TextDataset;
import java.io.IOException;

/**
 * Imports a labelled text file (CSV, TSV or JSONL, optionally gzip) as a {@link TextDataset}
 * with the choices of a {@link TextImportSettings}: which columns hold text, label, mask, id and
 * split; word or integer labels; how texts are tokenized. Both methods stream the file once and
 * hold one record at a time besides what they return.
 */
public final class TextImport {

    /** Most problems a preview lists. */
    public static final int MAX_PROBLEMS = 200;

    private TextImport() {
    }

    /**
     * Streams the whole file once (bounded memory): header/keys, the first {@code rows} records,
     * class counts, every problem with its line; never throws for bad content (only for an
     * unreadable file, as {@link DatasetFormatException}/{@link IOException}).
     */
    public static ImportPreview preview(TextImportSettings settings, int rows) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Loads the dataset, or throws {@link DatasetFormatException} naming file, line, column for the first problem. */
    public static TextDataset load(TextImportSettings settings) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
