package io.gradlens.workflow.evaluation;

import io.gradlens.data.Dataset;
import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.ConfiguredMethod;
import io.gradlens.explain.evaluation.EvaluationContext;
import io.gradlens.explain.evaluation.EvaluationReport;
import io.gradlens.explain.evaluation.FaithfulnessMetric;
import io.gradlens.explain.evaluation.FaithfulnessMetrics;
import io.gradlens.explain.evaluation.MethodEvaluation;
import io.gradlens.explain.evaluation.MetricComparison;
import io.gradlens.explain.evaluation.MetricScores;
import io.gradlens.explain.evaluation.ModelScores;
import io.gradlens.explain.evaluation.RandomAttribution;
import io.gradlens.explain.evaluation.Removal;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.SelectedExamples;
import io.gradlens.workflow.models.ClassTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faithfulness evaluation use case: each method explains the examples (in batches), a seeded
 * {@link RandomAttribution} permutes each map, and every metric scores both; metrics that do not
 * apply (no ground-truth masks, token inputs for max-sensitivity) are listed as skipped with the
 * reason. Progress is reported and cancellation checked once per batch and per metric.
 */
public final class FaithfulnessEvaluation {

    private FaithfulnessEvaluation() {
    }

    /**
     * The first {@code limit} examples of {@code split} of {@code data}, with the dataset's
     * ground-truth masks when every selected example has one.
     */
    public static EvaluationReport onDataset(Classifier model, Dataset data, String split, int limit,
                                             EvaluationRequest request, ProgressListener progress,
                                             CancellationToken cancel) {
        SelectedExamples examples = ExampleSelection.split(model, data, split, limit);
        return run(model, examples.inputs(), GroundTruthMasks.of(data, split, examples.size()), request, progress,
                cancel);
    }

    /**
     * Evaluates {@code inputs}.
     *
     * @param masks ground-truth masks (one per example, over positions), or null
     * @throws IllegalArgumentException naming the option for a bad metric, removal or target
     */
    public static EvaluationReport run(Classifier model, AttributionInputs inputs, List<boolean[]> masks,
                                       EvaluationRequest request, ProgressListener progress,
                                       CancellationToken cancel) {
        List<FaithfulnessMetric> metrics = FaithfulnessMetrics.create(request.metrics(), request.settings());
        Removal removal = Removal.parse(request.removal() != null ? request.removal() : model.isText() ? "pad"
                : "zero", model);
        AttributionTarget target = ClassTarget.parse(request.target(), model.classNames());
        if (inputs.size() == 0) {
            throw new IllegalArgumentException("the evaluation needs at least one example");
        }
        EvaluationContext ctx = new EvaluationContext(new ModelScores(model, request.batchSize()), inputs, removal,
                masks, cancel);
        Map<String, String> skipped = new LinkedHashMap<>();
        List<FaithfulnessMetric> applicable = new ArrayList<>();
        for (FaithfulnessMetric m : metrics) {
            if (m.appliesTo(ctx)) {
                applicable.add(m);
            } else {
                skipped.put(m.name(), m.unavailable(ctx));
            }
        }
        int total = request.methods().size() * (1 + applicable.size());
        int done = 0;
        List<MethodEvaluation> out = new ArrayList<>();
        for (ConfiguredMethod configured : request.methods()) {
            AttributionMethod method = configured.build(model);
            progress.progress(done, total, "Evaluate: explaining " + inputs.size() + " examples with "
                    + method.name() + "\u2026");
            List<Attribution> maps = explain(model, inputs, method, target, request.batchSize(), cancel);
            RandomAttribution random = new RandomAttribution(method, request.settings().seed());
            List<Attribution> randomMaps = random.shuffle(maps);
            done++;
            List<MetricComparison> rows = new ArrayList<>();
            for (FaithfulnessMetric m : applicable) {
                cancel.throwIfCancelled();
                progress.progress(done, total, "Evaluate: " + method.name() + " \u2013 " + m.name() + "\u2026");
                MetricScores mine = m.evaluate(ctx, method, maps);
                MetricScores theirs = m.evaluate(ctx, random, randomMaps);
                rows.add(new MetricComparison(m.name(), m.citation(), m.higherIsBetter(), mine, theirs));
                done++;
            }
            out.add(new MethodEvaluation(method.name(), method.parameters(), rows));
        }
        progress.progress(total, total, "Evaluate: done");
        return new EvaluationReport(inputs.size(), removal.describe(), request.settings(), out, skipped);
    }

    private static List<Attribution> explain(Classifier model, AttributionInputs inputs, AttributionMethod method,
                                             AttributionTarget target, int batchSize, CancellationToken cancel) {
        List<Attribution> maps = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += batchSize) {
            cancel.throwIfCancelled();
            maps.addAll(method.attribute(model, inputs.range(from, Math.min(inputs.size(), from + batchSize)),
                    target));
        }
        return maps;
    }
}
