package io.gradlens.export;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.FeatureAttribution;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saliency results as JSON objects, one per example (the one JSON Lines layout of the command line
 * and the workbench): {@code split} and {@code index} (when the example is from a dataset or a
 * batch), {@code label} (when known), {@code kind} ({@code tokens}, {@code pixels} or
 * {@code features}), the positions ({@code tokens} and {@code token_ids}; or {@code height},
 * {@code width}, {@code channels}; or {@code shape}), {@code scores}, {@code target},
 * {@code target_class}, {@code predicted}, {@code predicted_class}, {@code probabilities},
 * {@code method}, {@code parameters} (by the method registry's names), {@code diagnostics} and
 * {@code model} (provenance).
 */
public final class AttributionJson {

    private AttributionJson() {
    }

    /** The JSON object of one explained example. */
    public static Map<String, Object> toMap(AttributionRecord record, AttributionProvenance provenance) {
        Attribution a = record.attribution();
        Map<String, Object> m = new LinkedHashMap<>();
        if (record.split() != null) {
            m.put("split", record.split());
        }
        if (record.index() >= 0) {
            m.put("index", record.index());
        }
        if (record.label() != null) {
            m.put("label", record.label());
        }
        if (a instanceof TokenAttribution t) {
            m.put("kind", "tokens");
            m.put("tokens", t.tokens());
            m.put("token_ids", t.tokenIds());
        } else if (a instanceof PixelAttribution p) {
            m.put("kind", "pixels");
            m.put("height", p.height());
            m.put("width", p.width());
            m.put("channels", p.channels());
        } else {
            m.put("kind", "features");
            m.put("shape", ((FeatureAttribution) a).shape());
        }
        m.put("scores", ExportJson.numbers(a.scores()));
        m.put("target", a.target());
        m.put("target_class", record.classNames().get(a.target()));
        m.put("predicted", a.predicted());
        m.put("predicted_class", record.classNames().get(a.predicted()));
        m.put("probabilities", ExportJson.numbers(a.probabilities()));
        m.put("method", a.method());
        m.put("parameters", provenance.parameters());
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        a.diagnostics().forEach((k, v) -> diagnostics.put(k, ExportJson.number(v)));
        m.put("diagnostics", diagnostics);
        m.put("model", provenance.model());
        return m;
    }

    /** One line of JSON for one explained example. */
    public static String line(AttributionRecord record, AttributionProvenance provenance) {
        return ExportJson.line(toMap(record, provenance));
    }
}
