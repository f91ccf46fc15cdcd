package io.gradlens.data.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.LineReader;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.TableRow;
import io.gradlens.data.TextFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV, TSV or JSONL file (optionally gzip) one at a time under
 * {@link ReadLimits}, never holding the file:
 * <ul>
 *   <li>CSV: RFC 4180 by Apache Commons CSV with the chosen delimiter: a header record, then one
 *       record per row; fields may be quoted with {@code "} (a doubled {@code ""} is one quote) and
 *       quoted fields may hold delimiters and line breaks (a {@code \r\n} inside becomes
 *       {@code \n}); a quote inside an unquoted field is kept as a character.</li>
 *   <li>TSV: like CSV with the tab (or chosen) delimiter but without quoting (IANA
 *       {@code text/tab-separated-values}): a quote is an ordinary character, a record is one line.</li>
 *   <li>JSONL: one JSON object per line; nested objects are flattened into dotted keys
 *       ({@code {"meta":{"label":"x"}}} gives {@code meta.label}); an array of numbers becomes its
 *       values joined by single spaces, any other array its JSON text; {@code null} is absent.</li>
 * </ul>
 * Blank lines between records are skipped; a leading byte-order mark is dropped; text must be
 * UTF-8. Each record carries the line where it starts. A record with the wrong number of fields or
 * a line that is not a JSON object is handed to {@link Visitor#badRecord} and reading goes on;
 * what makes the rest unreadable (an unterminated quote, invalid UTF-8, a limit) is thrown as a
 * {@link DatasetFormatException}.
 */
public final class TableRecords {

    /** Characters commons-csv may read ahead of the record it parses; a record limit allows for them. */
    private static final int READ_AHEAD = 1 << 13;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a reader hands on, in file order. */
    public interface Visitor {
        /** The header of a CSV/TSV file (called once, before any record; never for JSONL). */
        void header(List<String> columns);

        /** One record, with the line it starts at. */
        void record(TableRow row);

        /** A record that could not be read (ragged row, invalid JSON); the next one follows. */
        void badRecord(DatasetFormatException problem);
    }

    private TableRecords() {
    }

    /**
     * Streams {@code file} to {@code visitor}.
     *
     * @param delimiter the field delimiter of CSV/TSV (ignored for JSONL)
     * @throws DatasetFormatException for an empty file, a header problem, an unterminated quote,
     *                                invalid UTF-8 or a limit
     */
    public static void read(Path file, TableFormat format, char delimiter, ReadLimits limits, Visitor visitor)
            throws IOException {
        TextFiles.streamLines(file, limits, lines -> {
            long records = format == TableFormat.JSONL ? readJsonl(file, lines, visitor)
                    : readDelimited(file, lines, format, delimiter, limits, visitor);
            if (records == 0 && lines.lineNumber() == 0) {
                throw DatasetFormatException.inFile(file, "file is empty");
            }
            return null;
        });
    }

    private static long readDelimited(Path file, LineReader lines, TableFormat format, char delimiter,
                                      ReadLimits limits, Visitor visitor) throws IOException {
        LinesAsReader reader = new LinesAsReader(file, lines, limits.maxRecordBytes());
        CSVFormat csv = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote(format == TableFormat.CSV ? Character.valueOf('"') : null)
                .setIgnoreEmptyLines(false)
                .get();
        long records = 0;
        long start = 1;
        try (CSVParser parser = CSVParser.parse(reader, csv)) {
            Iterator<CSVRecord> it = parser.iterator();
            List<String> header = null;
            while (true) {
                reader.startRecord(start);
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CSVException syntax) {
                        throw syntax(file, start, syntax);
                    }
                    throw e.getCause(); // gzip and I/O failures, which TextFiles reports
                }
                long line = start;
                start = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (header == null) {
                    header = header(file, line, record.toList());
                    visitor.header(header);
                    continue;
                }
                records++;
                if (record.size() != header.size()) {
                    visitor.badRecord(DatasetFormatException.atLine(file, line, "ragged row: " + record.size()
                            + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), record.get(c));
                }
                visitor.record(new TableRow(line, fields));
            }
            if (header == null) {
                throw DatasetFormatException.inFile(file, "file is empty");
            }
        }
        return records;
    }

    private static DatasetFormatException syntax(Path file, long line, IOException cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return DatasetFormatException.atLine(file, line, "unterminated quote: a quoted field of the record "
                    + "starting here never closes");
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return DatasetFormatException.atLine(file, line, "text after a closing quote (a quoted field must end at "
                    + "a delimiter or the end of the line)");
        }
        return DatasetFormatException.atLine(file, line, "unreadable record: " + message);
    }

    private static List<String> header(Path file, long line, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isBlank()) {
                throw DatasetFormatException.atLine(file, line, "header has an empty column name");
            }
            if (!seen.add(column)) {
                throw DatasetFormatException.atLine(file, line, "header names column \"" + column + "\" twice");
            }
        }
        return List.copyOf(header);
    }

    private static long readJsonl(Path file, LineReader lines, Visitor visitor) throws IOException {
        long records = 0;
        for (String text; (text = lines.next()) != null; ) {
            if (text.isBlank()) {
                continue;
            }
            long line = lines.lineNumber();
            records++;
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                visitor.badRecord(DatasetFormatException.atLine(file, line, "invalid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (node == null || !node.isObject()) {
                visitor.badRecord(DatasetFormatException.atLine(file, line, "expected a JSON object"));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            flatten("", node, fields);
            visitor.record(new TableRow(line, fields));
        }
        if (records == 0 && lines.lineNumber() > 0) {
            throw DatasetFormatException.inFile(file, "file is empty");
        }
        return records;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, String> fields) {
        for (var it = object.fields(); it.hasNext(); ) {
            var entry = it.next();
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, fields);
            } else if (value.isTextual()) {
                fields.put(key, value.textValue());
            } else if (value.isNumber() || value.isBoolean()) {
                fields.put(key, value.asText());
            } else if (value.isArray()) {
                fields.put(key, arrayText(value));
            }
        }
    }

    private static String arrayText(JsonNode array) {
        List<String> parts = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return array.toString();
            }
            parts.add(element.asText());
        }
        return String.join(" ", parts);
    }

    /**
     * The lines of a {@link LineReader} as one character stream (each line followed by {@code \n});
     * refuses a record (which may span lines) as soon as more than the record limit was served
     * since it began, so an unterminated quote never pulls the whole file into one field.
     */
    private static final class LinesAsReader extends Reader {
        private final Path file;
        private final LineReader lines;
        private final int maxRecordChars;
        private long recordLine;
        private String current = "";
        private int at;
        private boolean newlinePending;
        private boolean ended;
        private long served;
        private long recordStart;

        LinesAsReader(Path file, LineReader lines, int maxRecordChars) {
            this.file = file;
            this.lines = lines;
            this.maxRecordChars = maxRecordChars;
        }

        void startRecord(long line) {
            recordStart = served;
            recordLine = line;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = 0;
            while (n < length) {
                if (at < current.length()) {
                    int take = Math.min(length - n, current.length() - at);
                    current.getChars(at, at + take, buffer, offset + n);
                    at += take;
                    n += take;
                } else if (newlinePending) {
                    buffer[offset + n++] = '\n';
                    newlinePending = false;
                } else if (ended || n > 0) {
                    break;
                } else {
                    String next = lines.next();
                    if (next == null) {
                        ended = true;
                    } else {
                        current = next;
                        at = 0;
                        newlinePending = true;
                    }
                }
            }
            served += n;
            if (served - recordStart > maxRecordChars + (long) READ_AHEAD) {
                throw DatasetFormatException.atLine(file, recordLine, ReadLimits.RECORD_BYTES.problem("this record",
                        maxRecordChars));
            }
            return n == 0 && ended ? -1 : n;
        }

        @Override
        public void close() {
            // the stream belongs to TextFiles, which closes it
        }
    }
}
