package io.gradlens.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV, TSV and JSONL files (each optionally {@code .gz}) into {@link TableRow}s; the format
 * comes from the extension.
 * <ul>
 *   <li>CSV: a header line, then one record per line; fields may be quoted with {@code "}, a
 *       doubled {@code ""} inside quotes is one quote; quoted fields may not span lines.</li>
 *   <li>TSV: a header line, then one record per line, fields split at tabs, no quoting.</li>
 *   <li>JSONL: one JSON object per line; blank lines are skipped.</li>
 * </ul>
 * Every record must have as many fields as the header, and no column may repeat.
 */
public final class TableReader {

    /** A supported table format. */
    public enum Format { CSV, TSV, JSONL }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableReader() {
    }

    /** The format of {@code file} from its extension ({@code .gz} is looked through), or null. */
    public static Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Format.TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        return null;
    }

    /** Reads all records of {@code file}. */
    public static List<TableRow> read(Path file, ReadLimits limits) throws IOException {
        Format format = formatOf(file);
        if (format == null) {
            throw DatasetFormatException.inFile(file, "unknown table format: expected .csv, .tsv or .jsonl (optionally .gz)");
        }
        List<String> lines = TextFiles.readLines(file, limits);
        return format == Format.JSONL ? readJsonl(file, lines) : readDelimited(file, lines, format == Format.CSV);
    }

    /** The header columns of a CSV or TSV file. */
    public static List<String> header(Path file, ReadLimits limits) throws IOException {
        Format format = formatOf(file);
        if (format == null || format == Format.JSONL) {
            throw DatasetFormatException.inFile(file, "has no header line: not a .csv or .tsv file");
        }
        List<String> lines = TextFiles.readLines(file, limits);
        return parseHeader(file, lines.get(0), format == Format.CSV);
    }

    private static List<TableRow> readDelimited(Path file, List<String> lines, boolean csv) {
        List<String> header = parseHeader(file, lines.get(0), csv);
        List<TableRow> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty() && i == lines.size() - 1) {
                break;
            }
            List<String> fields = csv ? splitCsv(file, i + 1, lines.get(i)) : List.of(lines.get(i).split("\t", -1));
            if (fields.size() != header.size()) {
                throw DatasetFormatException.atLine(file, i + 1, "ragged row: " + fields.size()
                        + " fields, the header has " + header.size());
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                map.put(header.get(c), fields.get(c));
            }
            rows.add(new TableRow(i + 1, map));
        }
        if (rows.isEmpty()) {
            throw DatasetFormatException.inFile(file, "has a header but no records");
        }
        return rows;
    }

    private static List<String> parseHeader(Path file, String line, boolean csv) {
        List<String> header = csv ? splitCsv(file, 1, line) : List.of(line.split("\t", -1));
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isBlank()) {
                throw DatasetFormatException.atLine(file, 1, "header has an empty column name");
            }
            if (!seen.add(column)) {
                throw DatasetFormatException.atLine(file, 1, "header names column \"" + column + "\" twice");
            }
        }
        return header;
    }

    /** Splits one CSV line by RFC 4180 quoting rules (without line breaks inside fields). */
    static List<String> splitCsv(Path file, long lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                int open = i++;
                while (true) {
                    if (i >= line.length()) {
                        throw DatasetFormatException.atLine(file, lineNumber, "unterminated quote opened at column " + (open + 1));
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw DatasetFormatException.atLine(file, lineNumber, "text after a closing quote at column " + (i + 1));
                }
            } else {
                int end = line.indexOf(',', i);
                end = end < 0 ? line.length() : end;
                String raw = line.substring(i, end);
                if (raw.indexOf('"') >= 0) {
                    throw DatasetFormatException.atLine(file, lineNumber, "quote inside an unquoted field at column "
                            + (i + raw.indexOf('"') + 1));
                }
                field.append(raw);
                i = end;
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // skip the comma
        }
    }

    private static List<TableRow> readJsonl(Path file, List<String> lines) {
        List<TableRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw DatasetFormatException.atLine(file, i + 1, "invalid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw DatasetFormatException.atLine(file, i + 1, "expected a JSON object");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (var it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                map.put(entry.getKey(), asText(file, i + 1, entry.getKey(), entry.getValue()));
            }
            rows.add(new TableRow(i + 1, map));
        }
        return rows;
    }

    private static String asText(Path file, long line, String key, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isNumber()) {
                    throw DatasetFormatException.atLine(file, line, "field \"" + key + "\" must be an array of numbers");
                }
                parts.add(element.asText());
            }
            return String.join(" ", parts);
        }
        throw DatasetFormatException.atLine(file, line, "field \"" + key + "\" is a nested object");
    }
}
