package io.gradlens.workflow.shard;

import io.gradlens.data.ReadLimits;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.SelectedExamples;
import io.gradlens.workflow.hidden.HiddenStateOptions;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import io.gradlens.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hidden-state gradients over a corpus ({@code hidden-grad} with {@code --shard}): for every
 * document the T×T map of {@link HiddenStateGradients} (Bengio, Simard and Frasconi 1994,
 * https://doi.org/10.1109/72.279181), reduced at once to what averages exactly across shards — the
 * sums over documents of r(h_t), of the curve c[t] and of the map G[t][s], with the number of
 * documents that reach each step — plus, per document, its k rows with the largest c[t] (the full
 * maps would be T² values per document). Means come after the merge ({@link #summarise}): step t of
 * the curve averages the documents longer than t, cell (t, s) of the map those longer than max(t, s).
 *
 * <p>Parameters: {@code layer} ({@code ""}: the first recurrent layer), {@code reduce}
 * ({@link HiddenReduction#parse}), {@code rows_per_pass} (0: from the memory budget), {@code top_k}
 * and {@code max_tokens} (0: whole documents; otherwise each document's first tokens).
 */
final class HiddenGradCorpus implements CorpusJob {

    private final Classifier model;
    private final HiddenStateGradients method;
    private final List<int[]> ids;
    private final List<List<String>> tokens;
    private final int topK;

    HiddenGradCorpus(Classifier model, String modelName, Dataset data, CorpusRequest request) {
        String layer = request.parameter("layer");
        HiddenReduction reduction = HiddenReduction.parse(request.parameter("reduce"));
        int rows = Integer.parseInt(request.parameter("rows_per_pass"));
        // The checks of the single-text workflow: a recurrent text model, valid options.
        new HiddenStateWorkflow(model, modelName, new HiddenStateOptions(layer.isEmpty() ? null : layer, reduction,
                rows, HiddenStateGradients.DEFAULT_BUDGET_BYTES));
        this.model = model;
        this.method = new HiddenStateGradients(layer.isEmpty() ? null : layer, reduction, rows,
                HiddenStateGradients.DEFAULT_BUDGET_BYTES);
        this.topK = Integer.parseInt(request.parameter("top_k"));
        int maxTokens = Integer.parseInt(request.parameter("max_tokens"));
        SelectedExamples selected = ExampleSelection.split(model, data, request.split(), request.limit());
        AttributionInputs.Tokens t = (AttributionInputs.Tokens) selected.inputs();
        long limit = ReadLimits.TOKENS_PER_TEXT.value();
        this.ids = new ArrayList<>();
        this.tokens = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            int keep = maxTokens > 0 ? Math.min(maxTokens, t.ids().get(i).length) : t.ids().get(i).length;
            if (keep > limit) {
                throw new IllegalArgumentException(ReadLimits.TOKENS_PER_TEXT.problem("document " + i + "'s " + keep
                        + " tokens", limit) + " (--map-tokens truncates)");
            }
            ids.add(Arrays.copyOf(t.ids().get(i), keep));
            tokens.add(t.tokens().get(i).subList(0, keep));
        }
    }

    /** The parameters with their defaults, by name. */
    static Map<String, String> parameters(String layer, String reduce, int rowsPerPass, int topK, int maxTokens) {
        if (topK < 1) {
            throw new IllegalArgumentException("--top-k must be ≥ 1, got " + topK);
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("--map-tokens must be ≥ 0 (0 = whole documents), got " + maxTokens);
        }
        if (rowsPerPass < 0) {
            throw new IllegalArgumentException("--rows-per-pass must be ≥ 0, got " + rowsPerPass);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("layer", layer == null ? "" : layer);
        p.put("reduce", HiddenReduction.parse(reduce).toString());
        p.put("rows_per_pass", Integer.toString(rowsPerPass));
        p.put("top_k", Integer.toString(topK));
        p.put("max_tokens", Integer.toString(maxTokens));
        return p;
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public List<ShardArray> run(Shard.Range range, ProgressListener progress, CancellationToken cancel) {
        int n = range.size();
        int steps = 0;
        for (int d = range.from(); d < range.to(); d++) {
            steps = Math.max(steps, ids.get(d).length);
        }
        double[] hiddenSum = new double[steps];
        double[] curveSum = new double[steps];
        double[] mapSum = new double[steps * steps];
        double[] count = new double[steps];
        double[] docIndex = new double[n];
        double[] docLength = new double[n];
        double[] topStep = new double[n * topK];
        double[] topValue = new double[n * topK];
        double[] topRows = new double[n * topK * steps];
        for (int i = 0; i < n; i++) {
            cancel.throwIfCancelled();
            int d = range.from() + i;
            int done = i;
            HiddenStateGradientMap m = method.attribute(model.network(), ids.get(d), tokens.get(d),
                    (rows, total, message) -> progress.progress(done, n, "document " + (done + 1) + " of " + n
                            + ": " + rows + "/" + total + " rows"), cancel);
            int len = m.steps();
            double[] hidden = m.hidden();
            double[] curve = m.curve();
            for (int t = 0; t < len; t++) {
                hiddenSum[t] += hidden[t];
                curveSum[t] += curve[t];
                count[t] += 1;
                for (int s = 0; s < len; s++) {
                    mapSum[t * steps + s] += m.at(t, s);
                }
            }
            docIndex[i] = d;
            docLength[i] = len;
            int[] best = largest(curve, topK);
            for (int j = 0; j < topK; j++) {
                int slot = i * topK + j;
                if (j < best.length) {
                    topStep[slot] = best[j];
                    topValue[slot] = curve[best[j]];
                    for (int s = 0; s < len; s++) {
                        topRows[slot * steps + s] = m.at(best[j], s);
                    }
                } else {
                    topStep[slot] = -1;
                }
            }
            progress.progress(i + 1, n, "document " + (i + 1) + " of " + n);
        }
        List<ShardArray> out = new ArrayList<>();
        out.add(ShardArray.vector("documents", new double[] {n}, ShardArray.Rule.SUM));
        out.add(ShardArray.vector("step_count", count, ShardArray.Rule.SUM));
        out.add(ShardArray.vector("hidden_sum", hiddenSum, ShardArray.Rule.SUM));
        out.add(ShardArray.vector("curve_sum", curveSum, ShardArray.Rule.SUM));
        out.add(new ShardArray("map_sum", new long[] {steps, steps}, mapSum, ShardArray.Rule.SUM));
        out.add(ShardArray.vector("doc_index", docIndex, ShardArray.Rule.CONCAT));
        out.add(ShardArray.vector("doc_length", docLength, ShardArray.Rule.CONCAT));
        out.add(new ShardArray("topk_step", new long[] {n, topK}, topStep, ShardArray.Rule.CONCAT));
        out.add(new ShardArray("topk_curve", new long[] {n, topK}, topValue, ShardArray.Rule.CONCAT));
        out.add(new ShardArray("topk_rows", new long[] {n, topK, steps}, topRows, ShardArray.Rule.CONCAT));
        return out;
    }

    /** The indices of the {@code k} largest values, largest first, ties to the earlier step. */
    static int[] largest(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(values[b], values[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int m = Math.min(k, order.length);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /**
     * The corpus means from the merged sums: {@code mean_hidden[t]} and {@code mean_curve[t]} over the
     * documents longer than t, {@code mean_map[t][s]} over those longer than max(t, s); and
     * {@code corpus_topk} [k, 3], the k (document, step, c[t]) with the largest c[t] in the corpus.
     */
    static List<ShardArray> summarise(Map<String, ShardArray> merged, int topK) {
        double[] count = merged.get("step_count").values();
        int steps = count.length;
        double[] hidden = merged.get("hidden_sum").values();
        double[] curve = merged.get("curve_sum").values();
        double[] map = merged.get("map_sum").values();
        double[] meanHidden = new double[steps];
        double[] meanCurve = new double[steps];
        double[] meanMap = new double[steps * steps];
        for (int t = 0; t < steps; t++) {
            meanHidden[t] = hidden[t] / count[t];
            meanCurve[t] = curve[t] / count[t];
            for (int s = 0; s < steps; s++) {
                meanMap[t * steps + s] = map[t * steps + s] / count[Math.max(t, s)];
            }
        }
        double[] docs = merged.get("doc_index").values();
        double[] step = merged.get("topk_step").values();
        double[] value = merged.get("topk_curve").values();
        int k = (int) merged.get("topk_step").shape()[1];
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < step.length; i++) {
            if (step[i] >= 0) {
                candidates.add(new double[] {docs[i / k], step[i], value[i]});
            }
        }
        candidates.sort((a, b) -> {
            int c = Double.compare(b[2], a[2]);
            return c != 0 ? c : a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]);
        });
        List<double[]> top = candidates.subList(0, Math.min(topK, candidates.size()));
        return List.of(ShardArray.vector("mean_hidden", meanHidden, ShardArray.Rule.SUM),
                ShardArray.vector("mean_curve", meanCurve, ShardArray.Rule.SUM),
                new ShardArray("mean_map", new long[] {steps, steps}, meanMap, ShardArray.Rule.SUM),
                ShardArray.matrix("corpus_topk", top.toArray(new double[0][]), 3, ShardArray.Rule.CONCAT));
    }
}
