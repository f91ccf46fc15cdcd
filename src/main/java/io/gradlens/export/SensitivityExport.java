package io.gradlens.export;

import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.explain.SensitivityReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sensitivity reports as JSON ({@code output}, {@code rows}, {@code inputs}: per input its
 * {@code input}, {@code features}, {@code mean}, {@code mean_abs}, and with per-row output
 * {@code gradients} [rows][features]) or CSV ({@code input,feature,mean,mean_abs}).
 */
public final class SensitivityExport {

    private SensitivityExport() {
    }

    /** The JSON object of a report. */
    public static Map<String, Object> toMap(SensitivityReport r, boolean perRow, String model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "sensitivity");
        json.put("output", r.output());
        json.put("rows", r.rows());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputGroupSensitivity g : r.inputs()) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("input", g.input());
            in.put("features", g.features());
            in.put("mean", ExportJson.numbers(g.mean()));
            in.put("mean_abs", ExportJson.numbers(g.meanAbsolute()));
            if (perRow) {
                in.put("gradients", ExportJson.matrix(g.gradients()));
            }
            inputs.add(in);
        }
        json.put("inputs", inputs);
        if (model != null) {
            json.put("model", model);
        }
        return json;
    }

    /** A report as CSV, one row per input entry. */
    public static String csv(SensitivityReport r) {
        StringBuilder out = new StringBuilder("input,feature,mean,mean_abs\n");
        for (InputGroupSensitivity g : r.inputs()) {
            double[] mean = g.mean();
            double[] abs = g.meanAbsolute();
            for (int j = 0; j < mean.length; j++) {
                out.append(AttributionCsv.quote(g.input())).append(',').append(AttributionCsv.quote(g.features().get(j)))
                        .append(',').append(AttributionCsv.number(mean[j])).append(',')
                        .append(AttributionCsv.number(abs[j])).append('\n');
            }
        }
        return out.toString();
    }
}
