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
 * the workbench.
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
        String tail = ',' + quote(a.method()) + ',' + (record.split() == null ? "" : record.split()) + ','
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

    /** A field quoted when it holds a comma, quote, or line break; quotes doubled. */
    public static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "";
    }
}
