package io.gradlens.data;

import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TableRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads all records of a CSV, TSV or JSONL file (each optionally {@code .gz}) into
 * {@link TableRow}s, the format and delimiter coming from the extension; see {@link TableRecords}
 * for the rules (RFC 4180 CSV, unquoted TSV, JSONL with dotted nested keys). Every record must
 * have as many fields as the header, and no column may repeat. For large files stream the records
 * with {@link TableRecords} instead.
 */
public final class TableReader {

    /** A supported table format. */
    public enum Format { CSV, TSV, JSONL }

    private TableReader() {
    }

    /** The format of {@code file} from its extension ({@code .gz} is looked through), or null. */
    public static Format formatOf(Path file) {
        TableFormat format = TableFormat.ofPath(file);
        return format == null ? null : Format.valueOf(format.name());
    }

    /** Reads all records of {@code file}. */
    public static List<TableRow> read(Path file, ReadLimits limits) throws IOException {
        TableFormat format = tableFormat(file);
        List<TableRow> rows = new ArrayList<>();
        boolean[] delimited = {false};
        TableRecords.read(file, format, format.defaultDelimiter(), limits, new TableRecords.Visitor() {
            @Override
            public void header(List<String> columns) {
                delimited[0] = true;
            }

            @Override
            public void record(TableRow row) {
                rows.add(row);
            }

            @Override
            public void badRecord(DatasetFormatException problem) {
                throw problem;
            }
        });
        if (rows.isEmpty() && delimited[0]) {
            throw DatasetFormatException.inFile(file, "has a header but no records");
        }
        return rows;
    }

    /** The header columns of a CSV or TSV file, reading no further than its header. */
    public static List<String> header(Path file, ReadLimits limits) throws IOException {
        TableFormat format = TableFormat.ofPath(file);
        if (format == null || format == TableFormat.JSONL) {
            throw DatasetFormatException.inFile(file, "has no header line: not a .csv or .tsv file");
        }
        return header(file, format.defaultDelimiter(), limits);
    }

    /** The header columns of a CSV or TSV file split at {@code delimiter}, reading no further than its header. */
    public static List<String> header(Path file, char delimiter, ReadLimits limits) throws IOException {
        TableFormat format = TableFormat.ofPath(file) == TableFormat.TSV ? TableFormat.TSV : TableFormat.CSV;
        List<List<String>> found = new ArrayList<>();
        try {
            TableRecords.read(file, format, delimiter, limits, new TableRecords.Visitor() {
                @Override
                public void header(List<String> columns) {
                    found.add(columns);
                    throw new HeaderRead();
                }

                @Override
                public void record(TableRow row) {
                }

                @Override
                public void badRecord(DatasetFormatException problem) {
                }
            });
        } catch (HeaderRead done) {
            return found.get(0);
        }
        throw DatasetFormatException.inFile(file, "file is empty");
    }

    /** Stops reading once the header is known. */
    private static final class HeaderRead extends RuntimeException {
        HeaderRead() {
            super(null, null, false, false);
        }
    }

    private static TableFormat tableFormat(Path file) {
        TableFormat format = TableFormat.ofPath(file);
        if (format == null) {
            throw DatasetFormatException.inFile(file, "unknown table format: expected .csv, .tsv or .jsonl (optionally .gz)");
        }
        return format;
    }
}
