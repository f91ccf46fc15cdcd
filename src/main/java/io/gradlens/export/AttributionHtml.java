package io.gradlens.export;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saliency results as one self-contained HTML page (no scripts, no external files): a colour
 * legend, then per example its tokens (or a pixel grid) on a diverging scale — negative blue,
 * zero white, positive red — normalised by the example's largest |score|; the exact score is in
 * each position's tooltip. Every text from the data or the model is HTML-escaped. Written in
 * pieces ({@link #header}, {@link #example}, {@link #footer}) so long runs can stream.
 */
public final class AttributionHtml {

    private AttributionHtml() {
    }

    /** Escapes {@code & < > " '} so any token is shown as text. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The colour of a score relative to the largest magnitude: white at 0, full red at +max, full
     * blue at −max, linear in between.
     */
    public static String colour(double score, double maxAbs) {
        double v = maxAbs > 0 && Double.isFinite(score) ? Math.max(-1, Math.min(1, score / maxAbs)) : 0;
        int fade = (int) Math.round(255 * (1 - Math.abs(v)));
        return v >= 0 ? "rgb(255," + fade + "," + fade + ")" : "rgb(" + fade + "," + fade + ",255)";
    }

    /** The page start: title, method, parameters, model and the legend. */
    public static String header(String method, Map<String, Object> parameters, String model) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>GradLens saliency: "
                + escape(method) + "</title>\n<style>\n"
                + "body{font-family:sans-serif;margin:1.5em;color:#222}\n"
                + ".legend{display:flex;align-items:center;gap:.5em;margin:1em 0}\n"
                + ".bar{width:240px;height:14px;border:1px solid #999;"
                + "background:linear-gradient(to right,rgb(0,0,255),rgb(255,255,255),rgb(255,0,0))}\n"
                + ".example{margin:.8em 0;padding:.5em;border-bottom:1px solid #ddd}\n"
                + ".meta{font-size:.85em;color:#555;margin-bottom:.3em}\n"
                + ".tok{padding:1px 3px;margin:1px;border-radius:3px;display:inline-block;border:1px solid #eee}\n"
                + ".grid{display:grid;gap:0;border:1px solid #999;width:max-content}\n"
                + ".grid div{width:10px;height:10px}\n"
                + "</style></head><body>\n<h1>Saliency: " + escape(method) + "</h1>\n<p>Parameters: "
                + escape(ExportJson.line(parameters)) + (model == null ? "" : "<br>Model: " + escape(model))
                + "</p>\n<div class=\"legend\"><span>negative</span><span class=\"bar\"></span><span>positive"
                + "</span><span>(white = 0; each example scaled by its largest |score|)</span></div>\n";
    }

    /** One example. */
    public static String example(Attribution a, int index, Integer label, List<String> classNames) {
        double[] scores = a.scores();
        double maxAbs = 0;
        for (double s : scores) {
            if (Double.isFinite(s)) {
                maxAbs = Math.max(maxAbs, Math.abs(s));
            }
        }
        double[] p = a.probabilities();
        StringBuilder out = new StringBuilder("<div class=\"example\"><div class=\"meta\">#").append(index)
                .append(" predicted <b>").append(escape(classNames.get(a.predicted()))).append("</b> (p = ")
                .append(String.format(Locale.ROOT, "%.3f", p[a.predicted()])).append("), explained class <b>")
                .append(escape(classNames.get(a.target()))).append("</b>");
        if (label != null) {
            out.append(", label ").append(escape(classNames.get(label)));
        }
        out.append("</div>\n");
        if (a instanceof TokenAttribution t) {
            out.append("<div class=\"tokens\">");
            for (int i = 0; i < scores.length; i++) {
                out.append("<span class=\"tok\" style=\"background:").append(colour(scores[i], maxAbs))
                        .append("\" title=\"").append(String.format(Locale.ROOT, "%.6g", scores[i])).append("\">")
                        .append(escape(t.tokens().get(i))).append("</span>");
            }
            out.append("</div>");
        } else {
            int width = a instanceof PixelAttribution px ? px.width() : scores.length;
            out.append("<div class=\"grid\" style=\"grid-template-columns:repeat(").append(width)
                    .append(",10px)\">");
            for (double s : scores) {
                out.append("<div style=\"background:").append(colour(s, maxAbs)).append("\" title=\"")
                        .append(String.format(Locale.ROOT, "%.6g", s)).append("\"></div>");
            }
            out.append("</div>");
        }
        return out.append("</div>\n").toString();
    }

    /** The page end. */
    public static String footer() {
        return "</body></html>\n";
    }

    /** A whole page. */
    public static String page(List<Attribution> attributions, List<String> classNames, String model) {
        if (attributions.isEmpty()) {
            throw new IllegalArgumentException("no attributions to show");
        }
        StringBuilder out = new StringBuilder(header(attributions.get(0).method(), attributions.get(0).parameters(),
                model));
        for (int i = 0; i < attributions.size(); i++) {
            out.append(example(attributions.get(i), i, null, classNames));
        }
        return out.append(footer()).toString();
    }
}
