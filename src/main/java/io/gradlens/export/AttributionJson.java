package io.gradlens.export;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.FeatureAttribution;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saliency results as JSON objects, one per example: {@code index}, {@code label} (when known),
 * {@code kind} ({@code tokens}, {@code pixels} or {@code features}), the positions ({@code tokens}
 * and {@code token_ids}; or {@code height}, {@code width}, {@code channels}; or {@code shape}),
 * {@code scores}, {@code target}, {@code target_class}, {@code predicted}, {@code predicted_class},
 * {@code probabilities}, {@code method}, {@code parameters}, {@code diagnostics} and
 * {@code model} (provenance: the model file).
 */
public final class AttributionJson {

    private AttributionJson() {
    }

    /**
     * The JSON object of one attribution.
     *
     * @param index      the example's index in its source, or -1
     * @param label      the true class, or null
     * @param classNames the model's class names
     * @param model      where the model came from (e.g. its file), or null
     */
    public static Map<String, Object> toMap(Attribution a, int index, Integer label, List<String> classNames,
                                            String model) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (index >= 0) {
            m.put("index", index);
        }
        if (label != null) {
            m.put("label", label);
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
        m.put("target_class", classNames.get(a.target()));
        m.put("predicted", a.predicted());
        m.put("predicted_class", classNames.get(a.predicted()));
        m.put("probabilities", ExportJson.numbers(a.probabilities()));
        m.put("method", a.method());
        m.put("parameters", a.parameters());
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        a.diagnostics().forEach((k, v) -> diagnostics.put(k, ExportJson.number(v)));
        m.put("diagnostics", diagnostics);
        if (model != null) {
            m.put("model", model);
        }
        return m;
    }

    /** One line of JSON for one attribution. */
    public static String line(Attribution a, int index, Integer label, List<String> classNames, String model) {
        return ExportJson.line(toMap(a, index, label, classNames, model));
    }
}
