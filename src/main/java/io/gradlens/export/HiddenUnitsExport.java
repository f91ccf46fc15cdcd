package io.gradlens.export;

import io.gradlens.explain.HiddenUnitCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-unit hidden states and gradient curves as JSON and CSV. JSON: {@code kind}
 * ({@code hidden-state-units}), {@code layer}, {@code units}, {@code rank_by} ({@code activation},
 * {@code gradient} or null when the units were chosen), {@code scores} (every unit's ranking
 * score, only when ranked), {@code hidden} and {@code curve} (one list of T numbers per selected
 * unit, in the order of {@code units}). CSV: one row per step, {@code t,token,h_u<k>,curve_u<k>,…}
 * for every selected unit k.
 */
public final class HiddenUnitsExport {

    private HiddenUnitsExport() {
    }

    /** The JSON object of per-unit curves. */
    public static Map<String, Object> toMap(HiddenUnitCurves c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "hidden-state-units");
        json.put("layer", c.layer());
        json.put("units", c.units());
        json.put("rank_by", c.rankBy() == null ? null : c.rankBy().option());
        if (c.rankBy() != null) {
            json.put("scores", ExportJson.numbers(c.scores()));
        }
        List<List<Double>> hidden = new ArrayList<>();
        List<List<Double>> curve = new ArrayList<>();
        for (int i = 0; i < c.units().length; i++) {
            hidden.add(ExportJson.numbers(c.hidden(i)));
            curve.add(ExportJson.numbers(c.curve(i)));
        }
        json.put("hidden", hidden);
        json.put("curve", curve);
        return json;
    }

    /** Per-unit curves as CSV, one row per step. */
    public static String csv(HiddenUnitCurves c) {
        int[] units = c.units();
        StringBuilder out = new StringBuilder("t,token");
        for (int u : units) {
            out.append(",h_u").append(u).append(",curve_u").append(u);
        }
        out.append('\n');
        double[][] hidden = c.hidden();
        double[][] curve = c.curve();
        for (int t = 0; t < c.steps(); t++) {
            out.append(t).append(',').append(AttributionCsv.quote(c.tokens().get(t)));
            for (int i = 0; i < units.length; i++) {
                out.append(',').append(AttributionCsv.number(hidden[i][t])).append(',')
                        .append(AttributionCsv.number(curve[i][t]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
