package io.gradlens.workflow.shard;

import io.gradlens.data.Dataset;
import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.ConfiguredMethod;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.util.WorkLimits;
import io.gradlens.workflow.explain.DatasetAttribution;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.SelectedExamples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Saliency over a dataset split ({@code saliency --dataset … --shard K/N}): every example explained
 * by {@link DatasetAttribution} with the configured method (the registry's
 * {@link AttributionMethods}), stored as rows that concatenate exactly: {@code example_index},
 * {@code target}, {@code predicted}, {@code label} (−1 when unlabelled), {@code length} (scores per
 * example), {@code scores} (all examples' scores back to back) and {@code probabilities} [n, C].
 *
 * <p>Parameters: {@code method}, {@code method.NAME} for each registry setting, {@code target}
 * ({@code predicted} or a class index) and {@code batch_size}.
 */
final class SaliencyCorpus implements CorpusJob {

    private static final String PREFIX = "method.";

    private final Classifier model;
    private final SelectedExamples selected;
    private final AttributionMethod method;
    private final AttributionTarget target;
    private final int batchSize;

    SaliencyCorpus(Classifier model, Dataset data, CorpusRequest request) {
        this.model = model;
        this.method = configured(request.parameters()).build(model);
        String t = request.parameter("target");
        this.target = t.equals("predicted") ? AttributionTarget.predicted() : AttributionTarget.of(Integer.parseInt(t));
        this.batchSize = WorkLimits.batchSize(Integer.parseInt(request.parameter("batch_size")), "--batch-size");
        this.selected = ExampleSelection.split(model, data, request.split(), request.limit());
    }

    /** The request parameters of a configured method, a target and a batch size. */
    static Map<String, String> parameters(String methodName, Map<String, String> settings, AttributionTarget target,
                                          int batchSize) {
        // The method's own settings only, defaults filled in: equal requests compare equal however
        // they were spelled (the command line passes every method's options).
        ConfiguredMethod checked = AttributionMethods.configure(methodName, settings);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", checked.name());
        Map<String, String> own = new LinkedHashMap<>(checked.descriptor().defaults());
        settings.forEach((k, v) -> {
            if (checked.descriptor().has(k)) {
                own.put(k, v);
            }
        });
        own.forEach((k, v) -> p.put(PREFIX + k, v));
        p.put("target", target.isPredicted() ? "predicted" : Integer.toString(target.classIndex()));
        p.put("batch_size", Integer.toString(WorkLimits.batchSize(batchSize, "--batch-size")));
        configured(p); // checks the method and its settings now, not on an executor
        return p;
    }

    private static ConfiguredMethod configured(Map<String, String> parameters) {
        Map<String, String> settings = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                settings.put(k.substring(PREFIX.length()), v);
            }
        });
        return AttributionMethods.configure(parameters.get("method"), settings);
    }

    @Override
    public int size() {
        return selected.size();
    }

    @Override
    public List<ShardArray> run(Shard.Range range, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        SelectedExamples part = selected.select(IntStream.range(range.from(), range.to()).boxed().toList());
        int n = part.size();
        int classes = model.numClasses();
        double[] index = new double[n];
        double[] targets = new double[n];
        double[] predicted = new double[n];
        double[] labels = new double[n];
        double[] lengths = new double[n];
        double[][] probabilities = new double[n][];
        List<double[]> scores = new ArrayList<>(n);
        int[] next = {0};
        DatasetAttribution.explain(model, part, method, target, batchSize, record -> {
            int i = next[0]++;
            Attribution a = record.attribution();
            index[i] = range.from() + i;
            targets[i] = a.target();
            predicted[i] = a.predicted();
            labels[i] = record.label() == null ? -1 : record.label();
            double[] s = a.scores();
            lengths[i] = s.length;
            scores.add(s);
            probabilities[i] = a.probabilities();
        }, progress, cancel);
        double[] flat = new double[scores.stream().mapToInt(s -> s.length).sum()];
        int at = 0;
        for (double[] s : scores) {
            System.arraycopy(s, 0, flat, at, s.length);
            at += s.length;
        }
        return List.of(ShardArray.vector("example_index", index, ShardArray.Rule.CONCAT),
                ShardArray.vector("target", targets, ShardArray.Rule.CONCAT),
                ShardArray.vector("predicted", predicted, ShardArray.Rule.CONCAT),
                ShardArray.vector("label", labels, ShardArray.Rule.CONCAT),
                ShardArray.vector("length", lengths, ShardArray.Rule.CONCAT),
                ShardArray.vector("scores", flat, ShardArray.Rule.CONCAT),
                ShardArray.matrix("probabilities", probabilities, classes, ShardArray.Rule.CONCAT));
    }
}
