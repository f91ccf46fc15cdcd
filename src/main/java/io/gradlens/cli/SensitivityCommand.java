package io.gradlens.cli;

import io.gradlens.data.Dataset;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.export.ExportJson;
import io.gradlens.export.SensitivityExport;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Model;
import io.gradlens.workflow.models.ModelOpening;
import io.gradlens.workflow.models.SensitivityAnalysis;
import io.gradlens.workflow.models.SensitivityQuery;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens sensitivity}: ∂output/∂input per row and feature over a dataset split, averaged
 * (mean and mean absolute), for any model with numeric inputs: a multi-input regression model on a
 * tabular dataset, an image classifier on an image dataset ({@link SensitivityAnalysis}).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Input sensitivity over a dataset: mean and mean |∂output/∂input| per input feature.")
public final class SensitivityCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A .gradlens bundle (regression model or "
            + "classifier), or a Keras .h5/.keras/model.json.")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @Option(names = "--dataset", required = true, description = "Built-in dataset name or a dataset file.")
    String dataset;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--split", defaultValue = "test", description = "train or test. Default ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--limit", defaultValue = "0", description = "At most this many rows (0: all).")
    int limit;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for generated datasets.")
    long seed;

    @Option(names = "--output", description = "Classifiers: logprob (default) or logit; regression models: "
            + "regression.")
    String output;

    @Option(names = "--target", defaultValue = "predicted", description = "Classifiers: predicted, a class index or "
            + "name. Default ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--per-row", description = "Also write every row's gradients (JSON).")
    boolean perRow;

    @Option(names = "--format", defaultValue = "json", description = "json or csv.")
    String format;

    @Option(names = "--out", description = "Write here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String fmt = ExplainSupport.format(format, "json", "csv");
        Model opened = ModelOpening.open(model, vocabulary);
        Dataset data = opened instanceof Classifier c ? DatasetArgument.load(dataset, seed, datasetOptions, c)
                : DatasetArgument.load(dataset, seed, datasetOptions);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "sensitivity");
        SensitivityReport report;
        try {
            report = SensitivityAnalysis.run(new SensitivityQuery(opened, data, Split.parse(split), limit, output,
                    target), bar::update, Interrupt.token()).report();
        } finally {
            bar.clear();
        }
        try (Writer w = ExplainSupport.open(out, spec.commandLine().getOut())) {
            w.write(fmt.equals("csv") ? SensitivityExport.csv(report)
                    : ExportJson.line(SensitivityExport.toMap(report, perRow, model.toString())) + "\n");
        }
        return 0;
    }
}
