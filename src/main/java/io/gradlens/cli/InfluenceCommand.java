package io.gradlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gradlens.autodiff.NativeMemory;
import io.gradlens.data.Dataset;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.SelfInfluenceRanking;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.influence.InfluenceCheckpoints;
import io.gradlens.workflow.influence.InfluenceDatasetName;
import io.gradlens.workflow.influence.InfluenceExplanation;
import io.gradlens.workflow.influence.InfluenceIndexRequest;
import io.gradlens.workflow.influence.InfluenceIndexWorkflow;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.PreparedInfluence;
import io.gradlens.workflow.influence.TracInProjection;
import io.gradlens.workflow.models.ModelOpening;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens influence}: which training examples support or oppose a prediction
 * (representer points, Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720; TracIn, Pruthi
 * et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484, over the last layer or, projected as in
 * TRAK, Park et al., ICML 2023, https://arxiv.org/abs/2303.14186, over chosen layers), or which
 * training examples have the highest self-influence (suspected mislabels, {@code --self}). Parses
 * the options, calls {@link InfluenceIndexWorkflow} (which states the cache key and the checkpoint
 * policy) and formats the answer. Bad input prints one line and exits with code 2.
 */
@Command(name = "influence", mixinStandardHelpOptions = true,
        description = "Training-example influence: proponents/opponents of one test prediction, or the training "
                + "examples with the highest self-influence (--self).")
public final class InfluenceCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model file (.gradlens, or Keras .h5/.keras/model.json)")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--dataset", required = true, description = "built-in dataset name or dataset file the model was "
            + "trained on")
    String dataset;

    @Option(names = "--dataset-seed", defaultValue = "1", description = "seed of generated datasets (decoys); default ${DEFAULT-VALUE}")
    long datasetSeed;

    @Option(names = "--test-index", description = "test example to explain")
    Integer testIndex;

    @Option(names = {"--self", "--self-influence"},
            description = "rank training examples by self-influence (suspected mislabels) instead")
    boolean self;

    @Option(names = "--method", defaultValue = "representer", description = "representer, tracin (last layer) or "
            + "tracin-projected (chosen layers, gradients randomly projected); default ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--layers", defaultValue = "all", description = "tracin-projected: all, or a comma-separated list "
            + "of embedding, recurrent, dense (default ${DEFAULT-VALUE})")
    String layers;

    @Option(names = "--projection-dim", defaultValue = "512", description = "tracin-projected: projection dimension "
            + "d, 1 to " + TracInProjection.MAX_DIMENSION + " (default ${DEFAULT-VALUE})")
    int projectionDim;

    @Option(names = "--projection-seed", defaultValue = "0", description = "tracin-projected: seed of the random "
            + "projection (default ${DEFAULT-VALUE})")
    long projectionSeed;

    @Option(names = "--class", defaultValue = "predicted", description = "class to explain: predicted or an index")
    String classOption;

    @Option(names = "--top", defaultValue = "10", description = "how many proponents/opponents (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lambda", defaultValue = "0.003", description = "representer L2 weight (default ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--checkpoints", description = "TracIn checkpoint folder (index.json); default <model>.checkpoints "
            + "(written by train --checkpoint-every K)")
    Path checkpoints;

    @Option(names = "--cache-dir", description = "cache folder (default $XDG_CACHE_HOME/gradlens/influence, shared with the workbench)")
    Path cacheDir;

    @Option(names = "--no-cache", description = "neither read nor write the cache")
    boolean noCache;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (IllegalArgumentException e) {
            err.println("gradlens influence: " + e.getMessage().replace('\n', ' '));
            err.flush();
            return 2;
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        InfluenceMethod m = InfluenceMethod.parse(method);
        TracInProjection projection = TracInProjection.parse(layers, projectionDim, projectionSeed);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use json or csv");
        }
        if (self == (testIndex != null)) {
            throw new IllegalArgumentException("give either --test-index I or --self");
        }
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (!Files.isRegularFile(model) && !Files.isDirectory(model)) {
            throw new IllegalArgumentException("no such model file: " + model);
        }
        Classifier classifier = ModelOpening.classifier(model, vocabulary, "influence");
        Dataset data = DatasetArgument.load(dataset, datasetSeed, datasetOptions, classifier);
        InfluenceDatasetName name = Files.exists(Path.of(dataset)) ? InfluenceDatasetName.file(Path.of(dataset))
                : InfluenceDatasetName.builtIn(dataset, datasetSeed);
        if (testIndex != null && (testIndex < 0 || testIndex >= data.testSize())) {
            throw new IllegalArgumentException("test index " + testIndex + " is out of range 0.." + (data.testSize() - 1)
                    + " for dataset " + dataset);
        }
        Integer cls = classOption.equals("predicted") ? null : parseClass(classOption, classifier.numClasses());
        InfluenceCheckpoints source = checkpoints != null ? new InfluenceCheckpoints.Folder(checkpoints)
                : InfluenceCheckpoints.BESIDE_MODEL;
        InfluenceIndexWorkflow workflow = new InfluenceIndexWorkflow(cacheDir, !noCache,
                warning -> err.println("gradlens influence: " + warning));
        ProgressBar bar = new ProgressBar(err, "influence");
        PreparedInfluence prepared;
        try {
            prepared = workflow.prepare(new InfluenceIndexRequest(classifier, model, data, name, m, lambda, source,
                    projection), bar::update, Interrupt.token());
        } finally {
            bar.clear();
        }
        if (self) {
            SelfInfluenceRanking r = prepared.selfInfluence(top);
            if (format.equals("csv")) {
                out.println("rank,train_index,label,score");
                for (int i = 0; i < r.top().size(); i++) {
                    InfluenceRanking.Score s = r.top().get(i);
                    out.printf(Locale.ROOT, "%d,%d,%d,%.9g%n", i + 1, s.trainIndex(), s.label(), s.score());
                }
            } else {
                Map<String, Object> json = header(prepared);
                json.put("score", m == InfluenceMethod.REPRESENTER ? "|alpha_{i,y_i}|"
                        : m == InfluenceMethod.TRACIN ? "self-influence" : "projected self-influence");
                json.put("top", scores(r.top(), classifier));
                out.println(JSON.writeValueAsString(json));
            }
            out.flush();
            return 0;
        }
        InfluenceExplanation e = prepared.explain(testIndex, cls, top);
        InfluenceRanking r = e.ranking();
        if (format.equals("csv")) {
            out.println("kind,rank,train_index,label,score");
            writeCsv(out, "proponent", r.proponents());
            writeCsv(out, "opponent", r.opponents());
        } else {
            Map<String, Object> json = header(prepared);
            json.put("test_index", testIndex);
            json.put("label", classifier.classNames().get(e.testLabel()));
            json.put("predicted", classifier.classNames().get(e.predicted()));
            json.put("class", e.explainedClass());
            json.put("class_name", classifier.classNames().get(e.explainedClass()));
            json.put("query_ms", r.millis());
            json.put("proponents", scores(r.proponents(), classifier));
            json.put("opponents", scores(r.opponents(), classifier));
            out.println(JSON.writeValueAsString(json));
        }
        out.flush();
        return 0;
    }

    /** The fields both modes report about the index (documented in docs/cli.md). */
    private Map<String, Object> header(PreparedInfluence p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.toString());
        json.put("dataset", dataset);
        json.put("method", p.method().id());
        json.put("fidelity", Double.isNaN(p.fidelity()) ? null : p.fidelity());
        json.put("checkpoints", p.checkpoints());
        if (p.projection() != null) {
            json.put("layers", p.projection().layers().id());
            json.put("projection_dim", p.projection().dimension());
            json.put("projection_seed", p.projection().seed());
        }
        json.put("cached", p.cached());
        json.put("cache_key", p.cacheKey());
        json.put("precompute_seconds", p.precomputeSeconds());
        json.put("memory", NativeMemory.report()); // the process' real peak so far, beside the native budget
        return json;
    }

    private static void writeCsv(PrintWriter out, String kind, List<InfluenceRanking.Score> scores) {
        for (int i = 0; i < scores.size(); i++) {
            InfluenceRanking.Score s = scores.get(i);
            out.printf(Locale.ROOT, "%s,%d,%d,%d,%.9g%n", kind, i + 1, s.trainIndex(), s.label(), s.score());
        }
    }

    private static List<Map<String, Object>> scores(List<InfluenceRanking.Score> scores, Classifier c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (InfluenceRanking.Score s : scores) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("train_index", s.trainIndex());
            m.put("label", c.classNames().get(s.label()));
            m.put("score", s.score());
            out.add(m);
        }
        return out;
    }

    static int parseClass(String option, int classes) {
        int j;
        try {
            j = Integer.parseInt(option);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--class must be 'predicted' or a class index, got '" + option + "'");
        }
        if (j < 0 || j >= classes) {
            throw new IllegalArgumentException("--class " + j + " is out of range 0.." + (classes - 1));
        }
        return j;
    }

    /** Runs the command on its own (the {@code gradlens} root command registers it as a sub-command). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new InfluenceCommand()).execute(args));
    }
}
