package io.gradlens.cli;

import io.gradlens.explain.evaluation.EvaluationReport;
import io.gradlens.explain.evaluation.FaithfulnessMetrics;
import io.gradlens.explain.evaluation.MetricSettings;
import io.gradlens.export.EvaluationExport;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.evaluation.EvaluationRequest;
import io.gradlens.workflow.evaluation.FaithfulnessEvaluation;
import io.gradlens.workflow.models.ModelOpening;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens evaluate}: faithfulness metrics of attribution methods on a dataset sample —
 * deletion/insertion curves, ERASER comprehensiveness/sufficiency, relevance mass and rank accuracy
 * in ground-truth masks, infidelity and max-sensitivity — each beside a seeded random baseline
 * with 95% intervals over examples.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Faithfulness of attribution maps: does removing what the map calls important change the "
                + "prediction more than removing random positions? Each metric beside a seeded random baseline, "
                + "mean \u00b1 1.96\u00b7SE over examples.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A .gradlens bundle or a Keras .h5/.keras/model.json "
            + "classifier.")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @Option(names = "--dataset", required = true, description = "Built-in dataset name or a dataset file.")
    String dataset;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--split", defaultValue = "test", description = "train or test. Default ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--limit", defaultValue = "100", description = "Examples evaluated (0: all). "
            + "Default ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--metric", defaultValue = "all", description = "all or comma-separated: "
            + "deletion-aopc, insertion-auc, comprehensiveness, sufficiency, relevance-mass, rank-accuracy, "
            + "infidelity, max-sensitivity. Default ${DEFAULT-VALUE}.")
    String metric;

    @Option(names = "--step", defaultValue = MetricSettings.DEFAULT_STEP,
            description = "Deletion/insertion: percent of positions per step, in (0, 100]. Default ${DEFAULT-VALUE}.")
    double step;

    @Option(names = "--bins", defaultValue = MetricSettings.DEFAULT_BINS,
            description = "Comprehensiveness/sufficiency: rationale sizes in percent. Default ${DEFAULT-VALUE}.")
    String bins;

    @Option(names = "--removal", description = "How a position is removed: pad or oov (text; default pad); zero or "
            + "a number (pixels/features; default zero); blur or blur:SIGMA (images, Gaussian blur, σ 5 px).")
    String removal;

    @Option(names = "--perturbations", defaultValue = MetricSettings.DEFAULT_PERTURBATIONS,
            description = "Infidelity/max-sensitivity: perturbations per example. Default ${DEFAULT-VALUE}.")
    int perturbations;

    @Option(names = "--radius", defaultValue = MetricSettings.DEFAULT_RADIUS,
            description = "Max-sensitivity: L\u221e radius. Default ${DEFAULT-VALUE}.")
    double radius;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds the random baseline, the perturbations (and "
            + "generated datasets). Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--batch-size", defaultValue = EvaluationRequest.DEFAULT_BATCH_SIZE,
            description = "Inputs per forward pass. Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--target", defaultValue = "predicted",
            description = "predicted, a class index or a class name. Default ${DEFAULT-VALUE}.")
    String target;

    @Mixin
    MethodOptions method;

    @Option(names = "--format", defaultValue = "json", description = "json or csv. Default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", description = "Write here (atomically) instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExplainSupport.format(format, "json", "csv");
        EvaluationRequest request = new EvaluationRequest(EvaluationRequest.methods(method.method, method.values()),
                EvaluationRequest.metrics(metric), new MetricSettings(step, EvaluationRequest.bins(bins),
                        perturbations, radius, seed), removal, target, batchSize);
        FaithfulnessMetrics.create(request.metrics(), request.settings());
        Classifier classifier = ModelOpening.classifier(model, vocabulary, "evaluate");
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "evaluate");
        EvaluationReport report;
        try {
            report = FaithfulnessEvaluation.onDataset(classifier, DatasetArgument.load(dataset, seed, datasetOptions, classifier), split, limit,
                    request, bar::update, Interrupt.token());
        } finally {
            bar.clear();
        }
        if (out != null) {
            EvaluationExport.write(out, report, format, model.toString(), dataset);
        } else {
            try (Writer w = ExplainSupport.open(null, spec.commandLine().getOut())) {
                w.write(EvaluationExport.render(report, format, model.toString(), dataset));
            }
        }
        return 0;
    }
}
