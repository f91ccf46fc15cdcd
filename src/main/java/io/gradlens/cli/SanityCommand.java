package io.gradlens.cli;

import io.gradlens.explain.SanityReport;
import io.gradlens.export.ExportJson;
import io.gradlens.export.SanityExport;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.models.ModelOpening;
import io.gradlens.workflow.models.SanityCheck;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens sanity}: the cascading model-randomisation test of Adebayo et al. 2018 on a
 * dataset sample — Spearman rank correlation between the trained and the progressively randomised
 * model's saliency, per step.
 */
@Command(name = "sanity", mixinStandardHelpOptions = true,
        description = "Cascading model randomisation (Adebayo et al. 2018): Spearman ρ between the trained and "
                + "randomised models' saliency, layer by layer from the output down.")
public final class SanityCommand implements Callable<Integer> {

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

    @Option(names = "--limit", defaultValue = "100", description = "Examples compared. Default ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds the re-initialisation (and generated "
            + "datasets). Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--target", defaultValue = "predicted",
            description = "predicted, a class index or a class name. Default ${DEFAULT-VALUE}.")
    String target;

    @Mixin
    MethodOptions method;

    @Option(names = "--format", defaultValue = "json", description = "json.")
    String format;

    @Option(names = "--out", description = "Write here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExplainSupport.format(format, "json");
        Classifier classifier = ModelOpening.classifier(model, vocabulary, "sanity");
        ExplainSupport.Examples ex = ExplainSupport.fromDataset(classifier, DatasetArgument.load(dataset, seed, datasetOptions, classifier), split,
                limit);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "sanity");
        SanityReport report;
        try {
            report = SanityCheck.run(classifier, ex.inputs(), method.build(classifier), target, seed, bar::update,
                    Interrupt.token());
        } finally {
            bar.clear();
        }
        try (Writer w = ExplainSupport.open(out, spec.commandLine().getOut())) {
            w.write(ExportJson.line(SanityExport.toMap(report, model.toString())) + "\n");
        }
        return 0;
    }
}
