package io.gradlens.workflow.corpus;

import io.gradlens.workflow.shard.CorpusRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a merged corpus result holds, in a few lines ({@code gradlens corpus-show}) or as JSON-ready
 * values: the job, the documents, the shards and their seconds, the request's model and dataset,
 * and its top entries: for {@code hidden-grad} the steps T, the hidden reduction (which units) and
 * the corpus's rows with the largest curve value; for {@code saliency} the classes, the method, the
 * agreement of prediction and label, and the examples with the largest |score|.
 */
public final class CorpusSummary {

    private CorpusSummary() {
    }

    /**
     * The summary of {@code results} with its {@code top} top entries.
     *
     * @throws IllegalArgumentException for {@code top < 1}
     */
    public static Map<String, Object> of(CorpusResults results, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be ≥ 1, got " + top);
        }
        MergedManifest m = results.manifest();
        CorpusRequest r = m.request();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folder", m.dir().toString());
        out.put("kind", r.job());
        out.put("documents", results.size());
        out.put("shards", m.shards());
        out.put("shard_seconds", m.shardSeconds());
        out.put("model", r.model());
        out.put("dataset", r.dataset());
        out.put("split", r.split());
        if (results instanceof CorpusHiddenState h) {
            out.put("steps", h.steps());
            out.put("layer", r.parameter("layer").isEmpty() ? "(first recurrent layer)" : r.parameter("layer"));
            out.put("units", r.parameter("reduce"));
            out.put("top_k_per_document", h.topK());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CorpusHiddenState.TopRow row : h.corpusTop().subList(0, Math.min(top, h.corpusTop().size()))) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("document", row.document());
                e.put("step", row.step());
                e.put("curve", row.curve());
                rows.add(e);
            }
            out.put("top", rows);
        } else if (results instanceof CorpusSaliency s) {
            out.put("classes", s.classes());
            out.put("method", r.parameter("method"));
            out.put("target", r.parameter("target"));
            List<CorpusSaliency.Example> all = s.examples();
            long labelled = all.stream().filter(e -> e.label() >= 0).count();
            long agree = all.stream().filter(e -> e.label() >= 0 && e.label() == e.predicted()).count();
            out.put("accuracy", labelled == 0 ? null : (double) agree / labelled);
            List<Map<String, Object>> rows = new ArrayList<>();
            IntStream.range(0, all.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -largest(all.get(i).scores())))
                    .limit(top).forEach(i -> {
                        CorpusSaliency.Example e = all.get(i);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("example", e.index());
                        row.put("predicted", e.predicted());
                        row.put("label", e.label());
                        row.put("largest_score", largest(e.scores()));
                        row.put("top_tokens", e.topTokens(3));
                        rows.add(row);
                    });
            out.put("top", rows);
            if (s.tokenNote() != null) {
                out.put("tokens", "positions (" + s.tokenNote() + ")");
            }
        }
        return out;
    }

    /** {@link #of}'s values as lines of text. */
    public static List<String> lines(Map<String, Object> summary) {
        List<String> lines = new ArrayList<>();
        summary.forEach((k, v) -> {
            if (!"top".equals(k)) {
                lines.add(k.replace('_', ' ') + ": " + (v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d)
                        : v));
            }
        });
        lines.add("top:");
        for (Object o : (List<?>) summary.get("top")) {
            StringBuilder line = new StringBuilder(" ");
            ((Map<?, ?>) o).forEach((k, v) -> line.append(' ').append(k).append('=')
                    .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v));
            lines.add(line.toString());
        }
        return lines;
    }

    private static double largest(double[] scores) {
        double m = 0;
        for (double v : scores) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
