package io.gradlens.cli;

import io.gradlens.data.Dataset;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TabularSplit;
import io.gradlens.explain.InputSensitivity;
import io.gradlens.explain.SensitivityOutput;
import io.gradlens.explain.SensitivityReport;
import io.gradlens.io.ModelBundle;
import io.gradlens.export.ExportJson;
import io.gradlens.export.SensitivityExport;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.PriceModel;
import io.gradlens.util.CancellationToken;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gradlens sensitivity}: ∂output/∂input per row and feature over a dataset split, averaged
 * (mean and mean absolute), for a multi-input regression model (the price model) or an image or
 * numeric classifier.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Input sensitivity over a dataset: mean and mean |∂output/∂input| per input feature.")
public final class SensitivityCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A .gradlens bundle (price model or classifier).")
    Path model;

    @Option(names = "--dataset", required = true, description = "Built-in dataset name or a dataset file.")
    String dataset;

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
        Dataset data = DatasetArgument.load(dataset, seed);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "sensitivity");
        SensitivityReport report;
        try {
            if ("price".equals(ModelBundle.kind(model))) {
                report = regression(ModelBundle.readPriceModel(model), data, bar);
            } else {
                Classifier classifier = ModelBundle.read(model);
                if (classifier.isText()) {
                    throw new IllegalArgumentException("sensitivity needs an image, numeric or price model; for text "
                            + "models use saliency");
                }
                int cls = ExplainSupport.target(target, classifier).classIndex();
                String kind = output == null ? "logprob" : output;
                SensitivityOutput o = switch (kind) {
                    case "logprob" -> SensitivityOutput.logProbability(cls);
                    case "logit" -> SensitivityOutput.logit(cls);
                    default -> throw new IllegalArgumentException("--output for a classifier must be logprob or logit, "
                            + "got '" + kind + "'");
                };
                ExplainSupport.Examples ex = ExplainSupport.fromDataset(classifier, data, split, limit);
                report = new InputSensitivity(o).attribute(classifier, ex.inputs(), bar::update, CancellationToken.NONE);
            }
        } finally {
            bar.clear();
        }
        try (Writer w = ExplainSupport.open(out, spec.commandLine().getOut())) {
            w.write(fmt.equals("csv") ? SensitivityExport.csv(report)
                    : ExportJson.line(SensitivityExport.toMap(report, perRow, model.toString())) + "\n");
        }
        return 0;
    }

    private SensitivityReport regression(PriceModel price, Dataset data, ProgressBar bar) {
        if (output != null && !output.equals("regression")) {
            throw new IllegalArgumentException("a price model has one regression output; --output must be regression");
        }
        if (!(data instanceof TabularDataset table)) {
            throw new IllegalArgumentException("a price model reads tabular rows; dataset '" + data.name()
                    + "' is not tabular");
        }
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        }
        TabularSplit s = "train".equals(split) ? table.train() : table.test();
        Map<String, double[][]> rows = io.gradlens.train.PriceModelTraining.inputs(price, s, table, limit);
        return new InputSensitivity(SensitivityOutput.regression()).attribute(price, rows, bar::update,
                CancellationToken.NONE);
    }
}
