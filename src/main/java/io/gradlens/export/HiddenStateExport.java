package io.gradlens.export;

import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hidden-state gradient maps and curves as JSON and CSV. JSON of a map: {@code tokens},
 * {@code token_ids}, {@code layer}, {@code reduce}, {@code hidden} (r(h_t) per step), {@code curve}
 * and {@code map} (T rows of T numbers, row t = hidden state, column s = input step), and
 * {@code parameters}. CSV of a map: one row per step
 * {@code t,token,hidden,curve,s0,s1,…}. Curves: {@code layer, reduce, sequences, mean, std, count}
 * as JSON, {@code t,mean,std,count} as CSV.
 */
public final class HiddenStateExport {

    private HiddenStateExport() {
    }

    /** The JSON object of a map. */
    public static Map<String, Object> toMap(HiddenStateGradientMap m, String model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "hidden-state-map");
        json.put("tokens", m.tokens());
        json.put("token_ids", m.tokenIds());
        json.put("layer", m.layer());
        json.put("reduce", m.reduction());
        json.put("hidden", ExportJson.numbers(m.hidden()));
        json.put("curve", ExportJson.numbers(m.curve()));
        json.put("map", ExportJson.matrix(m.map()));
        json.put("parameters", m.parameters());
        if (model != null) {
            json.put("model", model);
        }
        return json;
    }

    /** The JSON object of dataset-level curves. */
    public static Map<String, Object> toMap(HiddenStateCurves c, String model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "hidden-state-curves");
        json.put("layer", c.layer());
        json.put("reduce", c.reduction());
        json.put("sequences", c.sequences());
        json.put("mean", ExportJson.numbers(c.mean()));
        json.put("std", ExportJson.numbers(c.std()));
        json.put("count", c.count());
        if (model != null) {
            json.put("model", model);
        }
        return json;
    }

    /** A map as CSV, one row per hidden-state step. */
    public static String csv(HiddenStateGradientMap m) {
        StringBuilder out = new StringBuilder("t,token,hidden,curve");
        for (int s = 0; s < m.steps(); s++) {
            out.append(",s").append(s);
        }
        out.append('\n');
        double[][] map = m.map();
        double[] hidden = m.hidden();
        double[] curve = m.curve();
        for (int t = 0; t < m.steps(); t++) {
            out.append(t).append(',').append(AttributionCsv.quote(m.tokens().get(t))).append(',')
                    .append(AttributionCsv.number(hidden[t])).append(',').append(AttributionCsv.number(curve[t]));
            for (double v : map[t]) {
                out.append(',').append(v == 0 ? "0" : AttributionCsv.number(v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Curves as CSV. */
    public static String csv(HiddenStateCurves c) {
        StringBuilder out = new StringBuilder("t,mean,std,count\n");
        double[] mean = c.mean();
        double[] std = c.std();
        int[] count = c.count();
        for (int t = 0; t < mean.length; t++) {
            out.append(t).append(',').append(AttributionCsv.number(mean[t])).append(',')
                    .append(AttributionCsv.number(std[t])).append(',').append(count[t]).append('\n');
        }
        return out.toString();
    }
}
