package io.gradlens.export;

import io.gradlens.explain.SanityReport;
import io.gradlens.explain.SanityStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sanity-check reports as JSON: {@code method}, {@code parameters}, {@code examples} and
 * {@code steps}, each with {@code randomized_layers}, {@code mean_spearman_abs},
 * {@code mean_spearman_signed}, {@code spearman_abs} and {@code spearman_signed} (per example;
 * null where a map was constant).
 */
public final class SanityExport {

    private SanityExport() {
    }

    /** The JSON object of a report. */
    public static Map<String, Object> toMap(SanityReport r, String model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "sanity-check");
        json.put("method", r.method());
        json.put("parameters", r.parameters());
        json.put("examples", r.examples());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (SanityStep s : r.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("randomized_layers", s.randomizedLayers());
            step.put("mean_spearman_abs", ExportJson.number(s.meanSpearmanAbsolute()));
            step.put("mean_spearman_signed", ExportJson.number(s.meanSpearmanSigned()));
            step.put("spearman_abs", ExportJson.numbers(s.spearmanAbsolute()));
            step.put("spearman_signed", ExportJson.numbers(s.spearmanSigned()));
            steps.add(step);
        }
        json.put("steps", steps);
        if (model != null) {
            json.put("model", model);
        }
        return json;
    }
}
