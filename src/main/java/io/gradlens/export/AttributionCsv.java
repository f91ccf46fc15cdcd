package io.gradlens.export;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import java.util.List;
import java.util.Locale;

/**
 * Saliency results as CSV (RFC 4180 quoting, LF line ends), one row per position:
 * {@value #HEADER}. Token columns are empty for images, y/x empty for text; {@code split} and
 * {@code label} are empty for inputs that are no dataset example; {@code parameters} is
 * {@code name=value;…} by the method registry's names. The one CSV layout of the command line and
 * the workbench. Text cells are neutralised against formula injection ({@link #quote}).
 */
public final class AttributionCsv {

    /** The header line. */
    public static final String HEADER = "example,position,token,token_id,y,x,score,target,predicted,method,"
            + "split,label,parameters,model";

    private AttributionCsv() {
    }

    /** The rows of one explained example (without header), each ending in a newline. */
    public static String rows(AttributionRecord record, AttributionProvenance provenance) {
        Attribution a = record.attribution();
        String tail = ',' + quote(a.method()) + ',' + (record.split() == null ? "" : quote(record.split())) + ','
                + (record.label() == null ? "" : record.label()) + ',' + quote(provenance.parameterField()) + ','
                + quote(provenance.model()) + '\n';
        String head = Math.max(record.index(), 0) + ",";
        StringBuilder out = new StringBuilder();
        double[] scores = a.scores();
        for (int i = 0; i < scores.length; i++) {
            String token = "";
            String id = "";
            String y = "";
            String x = "";
            if (a instanceof TokenAttribution t) {
                token = t.tokens().get(i);
                id = Integer.toString(t.tokenIds()[i]);
            } else if (a instanceof PixelAttribution p) {
                y = Integer.toString(i / p.width());
                x = Integer.toString(i % p.width());
            }
            out.append(head).append(i).append(',').append(quote(token)).append(',').append(id)
                    .append(',').append(y).append(',').append(x).append(',').append(number(scores[i])).append(',')
                    .append(a.target()).append(',').append(a.predicted()).append(tail);
        }
        return out.toString();
    }

    /** The header and the rows of every record. */
    public static String table(List<AttributionRecord> records, AttributionProvenance provenance) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (AttributionRecord r : records) {
            out.append(rows(r, provenance));
        }
        return out.toString();
    }

    /**
     * A text cell: neutralised against spreadsheet formula injection (a cell that begins with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
     * {@code '}, as OWASP advises: https://owasp.org/www-community/attacks/CSV_Injection), then
     * quoted when it holds a comma, quote, or line break, quotes doubled. Numbers are written with
     * {@link #number} and stay numbers.
     */
    public static String quote(String text) {
        String field = neutralise(text);
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** {@code text} with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "";
    }
}
