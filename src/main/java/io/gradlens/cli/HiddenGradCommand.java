package io.gradlens.cli;

import io.gradlens.autodiff.NativeMemory;
import io.gradlens.data.Dataset;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.explain.HiddenUnitCurves;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.export.ExportJson;
import io.gradlens.export.HiddenStateExport;
import io.gradlens.export.HiddenUnitsExport;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.hidden.HiddenStateOptions;
import io.gradlens.workflow.hidden.HiddenStateSample;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import io.gradlens.workflow.models.ModelOpening;
import io.gradlens.workflow.shard.CorpusParameters;
import io.gradlens.workflow.shard.CorpusRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens hidden-grad}: hidden-state gradients over time of a recurrent layer — for one
 * text the mean hidden state per step, the curve and the T×T map; for a dataset sample the curves
 * averaged over the sampled sequences (mean, spread, count per step). Parses the options, runs
 * {@link HiddenStateWorkflow} (as the workbench's Hidden state tab does) and formats the result.
 * The JSON carries {@code memory} ({@link NativeMemory#report()}): the process' real peak resident
 * size beside the native budget; CSV output gets the same figures on standard error.
 */
@Command(name = "hidden-grad", mixinStandardHelpOptions = true,
        description = "Hidden-state gradients ‖∂r(h_t)/∂x_s‖ of a recurrent layer: for --text the T×T map, the "
                + "curve and r(h_t) per step; for --dataset the curves averaged over a sample.")
public final class HiddenGradCommand implements Callable<Integer>, CorpusCommand {

    @Option(names = "--model", required = true, description = "A recurrent text model (.gradlens, or Keras "
            + ".h5/.keras/model.json).")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @Mixin
    DatasetOptions datasetOptions;

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

    @Option(names = "--units", description = "With --text: also the hidden state h_t,u and the curve "
            + "‖∂h_t,u/∂x‖ of each of these units, e.g. 3,17,42.")
    String units;

    @Option(names = "--top-units", description = "With --text: also the curves of the K units ranked highest "
            + "by --rank-by.")
    Integer topUnits;

    @Option(names = "--rank-by", defaultValue = "activation", description = "How --top-units ranks: activation "
            + "(mean |h_t,u|) or gradient (‖∂h_{T-1,u}/∂x‖ of the last step). Default ${DEFAULT-VALUE}.")
    String rankBy;

    @Option(names = "--rows-per-pass", defaultValue = "0",
            description = "Map rows per backward pass (0: chosen from the memory budget). Default ${DEFAULT-VALUE}.")
    int rowsPerPass;

    @Option(names = "--format", defaultValue = "json", description = "json or csv.")
    String format;

    @Option(names = "--out", description = "Write here instead of standard output.")
    Path out;

    @CommandLine.Mixin
    HiddenCorpusOptions corpus;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public CorpusRequest corpusRequest(int shards) throws IOException {
        if (source.dataset == null) {
            throw new IllegalArgumentException("hidden-grad with --shard or spark needs --dataset (a corpus)");
        }
        CorpusRun.folder(out, "hidden-grad");
        return CorpusRequest.create("hidden-grad", model, vocabulary, source.dataset, split, corpus.limit, seed, shards,
                CorpusParameters.hiddenGrad(layer, reduce, rowsPerPass, corpus.topK, corpus.maxTokens));
    }

    @Override
    public Path corpusFolder() {
        return CorpusRun.folder(out, "hidden-grad");
    }

    @Override
    public Integer call() throws Exception {
        if (corpus.shard.shard != null) {
            return CorpusRun.run("hidden-grad", this, corpus.shard.shard, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        String fmt = ExplainSupport.format(format, "json", "csv");
        HiddenUnitSelection selection = unitSelection();
        Classifier classifier = ModelOpening.classifier(model, vocabulary, "hidden-grad");
        HiddenStateWorkflow workflow = new HiddenStateWorkflow(classifier, "the model " + model,
                new HiddenStateOptions(layer, HiddenReduction.parse(reduce), rowsPerPass,
                        HiddenStateGradients.DEFAULT_BUDGET_BYTES));
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "hidden-grad");
        Map<String, Object> json;
        String csv;
        try {
            if (source.text != null) {
                // the units first: a unit the layer lacks is refused before the map is computed
                HiddenUnitCurves curves = selection == null ? null
                        : workflow.units(source.text, selection, bar::update, Interrupt.token());
                HiddenStateGradientMap map = workflow.map(source.text, bar::update, Interrupt.token());
                json = HiddenStateExport.toMap(map, model.toString());
                csv = fmt.equals("csv") ? HiddenStateExport.csv(map) : null;
                if (curves != null) {
                    json.put("units", HiddenUnitsExport.toMap(curves));
                    csv = fmt.equals("csv") ? HiddenUnitsExport.csv(curves) : null;
                }
            } else {
                if (sample < 1) {
                    throw new IllegalArgumentException("--sample must be ≥ 1, got " + sample);
                }
                Dataset data = DatasetArgument.load(source.dataset, seed, datasetOptions, classifier);
                ExplainSupport.fromDataset(classifier, data, split, 0); // checks the split and the vocabulary
                HiddenStateSample picked = workflow.sample(HiddenStateWorkflow.texts(data, split), sample, seed,
                        bar::update, Interrupt.token());
                HiddenStateCurves curves = picked.curves();
                json = HiddenStateExport.toMap(curves, model.toString());
                csv = fmt.equals("csv") ? HiddenStateExport.csv(curves) : null;
            }
        } finally {
            bar.clear();
        }
        json.put("memory", NativeMemory.reportWhenRead()); // last: its peak includes writing the map
        String text = fmt.equals("csv") ? csv : ExportJson.line(json) + "\n";
        if (fmt.equals("csv")) {
            err.println("hidden-grad: memory " + ExportJson.line(NativeMemory.report()));
        }
        try (Writer w = ExplainSupport.open(out, spec.commandLine().getOut())) {
            w.write(text);
        }
        return 0;
    }

    /** The units --units or --top-units/--rank-by ask for, null for neither; checked before the model opens. */
    private HiddenUnitSelection unitSelection() {
        if (units == null && topUnits == null) {
            return null;
        }
        if (units != null && topUnits != null) {
            throw new IllegalArgumentException("--units and --top-units are exclusive: choose units or rank them");
        }
        if (source.text == null) {
            throw new IllegalArgumentException((units != null ? "--units" : "--top-units")
                    + " needs --text (per-unit curves are computed for one text)");
        }
        return units != null ? HiddenUnitSelection.parse(units)
                : HiddenUnitSelection.top(topUnits, HiddenUnitSelection.Ranking.parse(rankBy));
    }
}
