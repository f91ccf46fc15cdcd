package io.gradlens.data.imports;

import java.nio.file.Path;
import java.util.Locale;

/** The layout of a labelled table file; each may be gzip-compressed ({@code .gz} is looked through). */
public enum TableFormat {
    /** Comma-separated values (RFC 4180), extension {@code .csv}. */
    CSV("CSV (comma-separated)", ','),
    /** Tab-separated values, extensions {@code .tsv} and {@code .tab}. */
    TSV("TSV (tab-separated)", '\t'),
    /** One JSON object per line, extensions {@code .jsonl} and {@code .ndjson}. */
    JSONL("JSON Lines", '\0');

    private final String label;
    private final char defaultDelimiter;

    TableFormat(String label, char defaultDelimiter) {
        this.label = label;
        this.defaultDelimiter = defaultDelimiter;
    }

    /** A human-readable name, e.g. {@code CSV (comma-separated)}. */
    public String label() {
        return label;
    }

    /** The delimiter a file of this format uses unless told otherwise ({@code '\0'} for JSONL, which has none). */
    public char defaultDelimiter() {
        return defaultDelimiter;
    }

    /** The format of {@code p} from its extension ({@code .gz} is looked through), or null when unknown. */
    public static TableFormat ofPath(Path p) {
        Path fileName = p.getFileName();
        if (fileName == null) {
            return null;
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        return null;
    }
}
