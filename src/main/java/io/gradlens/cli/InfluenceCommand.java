package io.gradlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceIndex;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.explain.influence.SelfInfluenceRanking;
import io.gradlens.explain.influence.TracIn;
import io.gradlens.nn.Classifier;
import io.gradlens.train.CheckpointRecorder;
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
import picocli.CommandLine.Option;

/**
 * {@code gradlens influence}: which training examples support or oppose a prediction
 * (representer points, Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720; TracIn, Pruthi
 * et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484), or which training examples have the
 * highest self-influence (suspected mislabels, {@code --self}). The precomputation is cached in
 * {@code <model>.influence/<key>/}, the key a SHA-256 over the model bytes, the dataset, its seed,
 * the method parameters and the checkpoints. Bad input prints one line and exits with code 2.
 */
@Command(name = "influence", mixinStandardHelpOptions = true,
        description = "Training-example influence: proponents/opponents of one test prediction, or the training "
                + "examples with the highest self-influence (--self).")
public final class InfluenceCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model bundle (.gradlens)")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @Option(names = "--dataset", required = true, description = "built-in dataset the model was trained on")
    String dataset;

    @Option(names = "--dataset-seed", defaultValue = "1", description = "seed of generated datasets (decoys); default ${DEFAULT-VALUE}")
    long datasetSeed;

    @Option(names = "--test-index", description = "test example to explain")
    Integer testIndex;

    @Option(names = "--self", description = "rank training examples by self-influence instead")
    boolean self;

    @Option(names = "--method", defaultValue = "representer", description = "representer or tracin (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--class", defaultValue = "predicted", description = "class to explain: predicted or an index")
    String classOption;

    @Option(names = "--top", defaultValue = "10", description = "how many proponents/opponents (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lambda", defaultValue = "0.003", description = "representer L2 weight (default ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--checkpoints", description = "TracIn checkpoint folder (index.json); default <model>.checkpoints,"
            + " else the final weights alone with learning rate 1")
    Path checkpoints;

    @Option(names = "--cache-dir", description = "cache folder (default <model>.influence)")
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
            err.println("gradlens influence: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        if (!method.equals(RepresenterPoints.METHOD) && !method.equals(TracIn.METHOD)) {
            throw new IllegalArgumentException("unknown --method '" + method + "'; use representer or tracin");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use json or csv");
        }
        if (self == (testIndex != null)) {
            throw new IllegalArgumentException("give either --test-index I or --self");
        }
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no such model file: " + model);
        }
        Classifier classifier;
        try {
            classifier = io.gradlens.workflow.models.ModelOpening.classifier(model, vocabulary, "influence");
        } catch (io.gradlens.format.BundleFormatException e) {
            throw new IllegalArgumentException(e.getMessage().replace('\n', ' '));
        }
        Dataset data = BuiltInDatasets.load(dataset, datasetSeed);
        InfluenceData examples = InfluenceData.of(classifier, data);
        if (testIndex != null && (testIndex < 0 || testIndex >= examples.test().size())) {
            throw new IllegalArgumentException("test index " + testIndex + " is out of range 0.."
                    + (examples.test().size() - 1) + " for dataset " + dataset);
        }
        List<CheckpointRecorder.Checkpoint> cps = null;
        byte[] checkpointKey = new byte[0];
        if (method.equals(TracIn.METHOD)) {
            Path dir = checkpoints != null ? checkpoints : InfluenceCache.defaultCheckpoints(model);
            if (InfluenceCache.hasCheckpoints(dir)) {
                cps = CheckpointRecorder.load(dir);
                checkpointKey = InfluenceCache.digestFolder(dir);
            } else if (checkpoints != null) {
                throw new IllegalArgumentException("no checkpoint index.json in " + checkpoints);
            } else {
                err.println("gradlens influence: no checkpoints beside the model; TracIn uses the final weights alone "
                        + "(learning rate 1)");
                Map<String, org.nd4j.linalg.api.ndarray.INDArray> w = new LinkedHashMap<>();
                classifier.network().parameters().forEach((k, v) -> w.put(k, v.value().dup()));
                cps = List.of(new CheckpointRecorder.Checkpoint(0, 1.0, w));
            }
        }
        String key = InfluenceCache.key(Files.readAllBytes(model), dataset, datasetSeed, method, lambda, checkpointKey);
        Path cache = (cacheDir != null ? cacheDir : InfluenceCache.defaultRoot(model)).resolve(key);
        InfluenceIndex index = noCache ? null : InfluenceIndex.load(cache, method);
        boolean cached = index != null;
        if (index == null) {
            index = method.equals(RepresenterPoints.METHOD)
                    ? InfluenceIndex.representer(classifier.network(), examples.train(), examples.test(), lambda)
                    : InfluenceIndex.tracin(classifier.network(), cps, examples.train(), examples.test());
            if (!noCache) {
                index.save(cache);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.toString());
        json.put("dataset", dataset);
        json.put("method", method);
        json.put("cached", cached);
        json.put("precompute_seconds", index.precomputeSeconds());
        if (self) {
            SelfInfluenceRanking r = index.selfInfluence(top);
            if (format.equals("csv")) {
                out.println("rank,train_index,label,score");
                for (int i = 0; i < r.top().size(); i++) {
                    InfluenceRanking.Score s = r.top().get(i);
                    out.printf(Locale.ROOT, "%d,%d,%d,%.9g%n", i + 1, s.trainIndex(), s.label(), s.score());
                }
            } else {
                json.put("score", method.equals(TracIn.METHOD) ? "self-influence" : "|alpha_{i,y_i}|");
                json.put("top", scores(r.top(), classifier));
                out.println(JSON.writeValueAsString(json));
            }
            out.flush();
            return 0;
        }
        int predicted = index.predicted(testIndex);
        int cls = parseClass(classOption, predicted, classifier.numClasses());
        InfluenceRanking r = index.explain(testIndex, cls, top);
        if (format.equals("csv")) {
            out.println("kind,rank,train_index,label,score");
            writeCsv(out, "proponent", r.proponents());
            writeCsv(out, "opponent", r.opponents());
        } else {
            json.put("test_index", testIndex);
            json.put("label", classifier.classNames().get(index.testLabel(testIndex)));
            json.put("predicted", classifier.classNames().get(predicted));
            json.put("class", cls);
            json.put("class_name", classifier.classNames().get(cls));
            json.put("query_ms", r.millis());
            json.put("proponents", scores(r.proponents(), classifier));
            json.put("opponents", scores(r.opponents(), classifier));
            out.println(JSON.writeValueAsString(json));
        }
        out.flush();
        return 0;
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

    static int parseClass(String option, int predicted, int classes) {
        if (option.equals("predicted")) {
            return predicted;
        }
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
