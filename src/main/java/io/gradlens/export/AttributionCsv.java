package io.gradlens.export;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import java.util.List;
import java.util.Locale;

/**
 * Saliency results as CSV (RFC 4180 quoting), one row per position:
 * {@code example,position,token,token_id,y,x,score,target,predicted,method}; token columns are
 * empty for images, y/x empty for text.
 */
public final class AttributionCsv {

    /** The header line. */
    public static final String HEADER = "example,position,token,token_id,y,x,score,target,predicted,method";

    private AttributionCsv() {
    }

    /** The rows of one attribution (without header), each ending in a newline. */
    public static String rows(Attribution a, int example) {
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
            out.append(example).append(',').append(i).append(',').append(quote(token)).append(',').append(id)
                    .append(',').append(y).append(',').append(x).append(',').append(number(scores[i])).append(',')
                    .append(a.target()).append(',').append(a.predicted()).append(',').append(quote(a.method()))
                    .append('\n');
        }
        return out.toString();
    }

    /** The header and the rows of every attribution. */
    public static String table(List<Attribution> attributions) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < attributions.size(); i++) {
            out.append(rows(attributions.get(i), i));
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
