package io.gradlens.export;

import io.gradlens.explain.evaluation.EvaluationReport;
import io.gradlens.explain.evaluation.Interval;
import io.gradlens.explain.evaluation.MethodEvaluation;
import io.gradlens.explain.evaluation.MetricComparison;
import io.gradlens.explain.evaluation.MetricScores;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The faithfulness table in one schema for the command line and the workbench: JSON (with the mean
 * curves and per-example values) and CSV (one row per method × metric), written atomically to a
 * file by {@link #write}.
 */
public final class EvaluationExport {

    /** The CSV header. */
    public static final String CSV_HEADER = "method,metric,higher_is_better,mean,ci95,n,random_mean,random_ci95,"
            + "random_n,beats_random,beyond_intervals,citation";

    private EvaluationExport() {
    }

    /** The JSON object of a report. */
    public static Map<String, Object> toMap(EvaluationReport r, String model, String dataset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "faithfulness-evaluation");
        if (model != null) {
            json.put("model", model);
        }
        if (dataset != null) {
            json.put("dataset", dataset);
        }
        json.put("examples", r.examples());
        json.put("removal", r.removal());
        json.put("interval", EvaluationReport.INTERVAL);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("step_percent", r.settings().stepPercent());
        settings.put("bins_percent", r.settings().binsPercent());
        settings.put("perturbations", r.settings().perturbations());
        settings.put("radius", r.settings().radius());
        settings.put("seed", r.settings().seed());
        json.put("settings", settings);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (MethodEvaluation m : r.methods()) {
            Map<String, Object> mj = new LinkedHashMap<>();
            mj.put("method", m.method());
            mj.put("parameters", m.parameters());
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (MetricComparison c : m.comparisons()) {
                Map<String, Object> cj = new LinkedHashMap<>();
                cj.put("metric", c.metric());
                cj.put("citation", c.citation());
                cj.put("higher_is_better", c.higherIsBetter());
                cj.put("method", scores(c.method()));
                cj.put("random", scores(c.random()));
                cj.put("beats_random", c.beatsRandom());
                cj.put("beyond_intervals", c.beatsRandomBeyondIntervals());
                metrics.add(cj);
            }
            mj.put("metrics", metrics);
            methods.add(mj);
        }
        json.put("methods", methods);
        json.put("skipped", r.skipped());
        return json;
    }

    private static Map<String, Object> scores(MetricScores s) {
        Interval i = s.interval();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("mean", ExportJson.number(i.mean()));
        j.put("ci95", ExportJson.number(i.halfWidth()));
        j.put("n", i.n());
        if (s.fractions().length > 0) {
            j.put("fractions", ExportJson.numbers(s.fractions()));
            j.put("mean_curve", ExportJson.numbers(s.meanCurve()));
        }
        j.put("per_example", ExportJson.numbers(s.perExample()));
        return j;
    }

    /** The CSV table: a header and one row per method × metric. */
    public static String csv(EvaluationReport r) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (MethodEvaluation m : r.methods()) {
            for (MetricComparison c : m.comparisons()) {
                Interval a = c.method().interval();
                Interval b = c.random().interval();
                sb.append(AttributionCsv.quote(m.method())).append(',').append(AttributionCsv.quote(c.metric()))
                        .append(',').append(c.higherIsBetter()).append(',').append(num(a.mean())).append(',')
                        .append(num(a.halfWidth())).append(',').append(a.n()).append(',').append(num(b.mean()))
                        .append(',').append(num(b.halfWidth())).append(',').append(b.n()).append(',')
                        .append(c.beatsRandom()).append(',').append(c.beatsRandomBeyondIntervals()).append(',')
                        .append(AttributionCsv.quote(c.citation())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    /** The content in {@code format} ({@code json} or {@code csv}). */
    public static String render(EvaluationReport r, String format, String model, String dataset) {
        return switch (format) {
            case "json" -> ExportJson.line(toMap(r, model, dataset)) + "\n";
            case "csv" -> csv(r);
            default -> throw new IllegalArgumentException("unknown --format '" + format + "'; use json or csv");
        };
    }

    /** Writes {@link #render} to {@code target} atomically. */
    public static void write(Path target, EvaluationReport r, String format, String model, String dataset)
            throws IOException {
        String text = render(r, format, model, dataset);
        try (AtomicTextFile file = AtomicTextFile.create(target)) {
            Writer w = file.writer();
            w.write(text);
            file.commit();
        }
    }
}
