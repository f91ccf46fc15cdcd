package io.gradlens.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats of saliency results, each written as a stream: a header, one piece per example
 * as it is explained, a footer.
 */
public enum AttributionFormat {
    /** JSON Lines: one {@link AttributionJson} object per line and example. */
    JSONL,
    /** One {@link AttributionCsv} row per token or pixel. */
    CSV,
    /** One self-contained {@link AttributionHtml} page. */
    HTML;

    /**
     * The format called {@code name}: {@code json} or {@code jsonl}, {@code csv}, {@code html}.
     *
     * @throws IllegalArgumentException naming the allowed formats
     */
    public static AttributionFormat parse(String name) {
        return switch (name) {
            case "json", "jsonl" -> JSONL;
            case "csv" -> CSV;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException("unknown --format '" + name
                    + "'; use json, jsonl, csv, html");
        };
    }

    /** The format a file name asks for ({@code .jsonl}, {@code .json}, {@code .csv}, {@code .html}), if any. */
    public static Optional<AttributionFormat> of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? Optional.of(JSONL)
                : name.endsWith(".csv") ? Optional.of(CSV)
                : name.endsWith(".html") || name.endsWith(".htm") ? Optional.of(HTML) : Optional.empty();
    }

    /** Writes what comes before the first example. */
    public void begin(Writer w, AttributionProvenance provenance) throws IOException {
        switch (this) {
            case CSV -> w.write(AttributionCsv.HEADER + "\n");
            case HTML -> w.write(AttributionHtml.header(provenance.method(), provenance.parameters(),
                    provenance.model()));
            default -> { }
        }
    }

    /** Writes one explained example. */
    public void write(Writer w, AttributionRecord record, AttributionProvenance provenance) throws IOException {
        switch (this) {
            case CSV -> w.write(AttributionCsv.rows(record, provenance));
            case HTML -> w.write(AttributionHtml.example(record.attribution(), Math.max(record.index(), 0),
                    record.label(), record.classNames()));
            default -> w.write(AttributionJson.line(record, provenance) + "\n");
        }
    }

    /** Writes what comes after the last example. */
    public void end(Writer w) throws IOException {
        if (this == HTML) {
            w.write(AttributionHtml.footer());
        }
    }
}
