package io.gradlens.cli;

import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.export.ExportJson;
import io.gradlens.export.HiddenStateExport;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gradlens hidden-grad}: hidden-state gradients over time of a recurrent layer — for one
 * text the mean hidden state per step, the curve and the T×T map; for a dataset sample the curves
 * averaged over the sampled sequences (mean, spread, count per step).
 */
@Command(name = "hidden-grad", mixinStandardHelpOptions = true,
        description = "Hidden-state gradients ‖∂r(h_t)/∂x_s‖ of a recurrent layer: for --text the T×T map, the "
                + "curve and r(h_t) per step; for --dataset the curves averaged over a sample.")
public final class HiddenGradCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A .gradlens bundle of a recurrent text model.")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--text", description = "One text.")
        String text;

        @Option(names = "--dataset", description = "Built-in dataset name or a dataset file.")
        String dataset;
    }

    @Option(names = "--sample", defaultValue = "20", description = "Sequences sampled from the dataset. "
            + "Default ${DEFAULT-VALUE}.")
    int sample;

    @Option(names = "--split", defaultValue = "test", description = "train or test. Default ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds the sample. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--layer", description = "The recurrent layer (default: the first).")
    String layer;

    @Option(names = "--reduce", defaultValue = "mean", description = "mean, norm or unit:K. Default ${DEFAULT-VALUE}.")
    String reduce;

    @Option(names = "--rows-per-pass", defaultValue = "0",
            description = "Map rows per backward pass (0: chosen from the memory budget). Default ${DEFAULT-VALUE}.")
    int rowsPerPass;

    @Option(names = "--format", defaultValue = "json", description = "json or csv.")
    String format;

    @Option(names = "--out", description = "Write here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String fmt = ExplainSupport.format(format, "json", "csv");
        Classifier classifier = io.gradlens.workflow.models.ModelOpening.classifier(model, vocabulary, "hidden-grad");
        if (!classifier.isText()) {
            throw new IllegalArgumentException("hidden-grad needs a recurrent text model; this model reads "
                    + classifier.describeInput());
        }
        HiddenStateGradients method = new HiddenStateGradients(layer, HiddenReduction.parse(reduce), rowsPerPass,
                HiddenStateGradients.DEFAULT_BUDGET_BYTES);
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "hidden-grad");
        Object json;
        String csv;
        try {
            if (source.text != null) {
                HiddenStateGradientMap map = method.attribute(classifier, source.text, bar::update,
                        CancellationToken.NONE);
                json = HiddenStateExport.toMap(map, model.toString());
                csv = fmt.equals("csv") ? HiddenStateExport.csv(map) : null;
            } else {
                if (sample < 1) {
                    throw new IllegalArgumentException("--sample must be ≥ 1, got " + sample);
                }
                ExplainSupport.Examples all = ExplainSupport.fromDataset(classifier,
                        DatasetArgument.load(source.dataset, seed), split, 0);
                AttributionInputs.Tokens tokens = (AttributionInputs.Tokens) all.inputs();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, new Random(seed));
                List<Integer> picked = order.subList(0, Math.min(sample, order.size()));
                List<HiddenStateGradientMap> maps = new ArrayList<>();
                for (int k = 0; k < picked.size(); k++) {
                    int i = picked.get(k);
                    maps.add(method.attribute(classifier.network(), tokens.ids().get(i), tokens.tokens().get(i),
                            io.gradlens.util.ProgressListener.NONE, CancellationToken.NONE));
                    bar.update(k + 1, picked.size(), "sequences");
                }
                HiddenStateCurves curves = HiddenStateCurves.average(maps);
                json = HiddenStateExport.toMap(curves, model.toString());
                csv = fmt.equals("csv") ? HiddenStateExport.csv(curves) : null;
            }
        } finally {
            bar.clear();
        }
        try (Writer w = ExplainSupport.open(out, spec.commandLine().getOut())) {
            w.write(fmt.equals("csv") ? csv : ExportJson.line(json) + "\n");
        }
        return 0;
    }
}
