package io.gradlens.workflow.shard;

import io.gradlens.data.Dataset;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.LastLayerFeatures;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.explain.influence.TracIn;
import io.gradlens.workflow.influence.InfluenceCheckpoints;
import io.gradlens.workflow.influence.ResolvedCheckpoints;
import io.gradlens.workflow.models.ModelOpening;
import java.io.IOException;
import java.nio.file.Path;
import io.gradlens.nn.Classifier;
import io.gradlens.train.Batch;
import io.gradlens.train.ExampleSet;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The representer-point precomputation of the influence index over a dataset ({@code influence-index}
 * with {@code --shard} or on Spark): the examples are the training split followed by the test split;
 * each shard computes its examples' last-layer features and logits ({@link LastLayerFeatures}: the
 * forward passes, the expensive part), and the merge refits the last layer on all training rows and
 * derives the representer coefficients α ({@link RepresenterPoints}; Yeh et al., NeurIPS 2018,
 * https://arxiv.org/abs/1811.09720) exactly as the single-process index does from the same features.
 * With {@code method} {@code tracin} (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484)
 * the examples are the training split only and each shard holds {@link TracIn}'s precomputed state
 * for its examples (per checkpoint: last-layer features and loss gradients); the merge stacks them
 * into the state of the whole index and adds every example's self-influence.
 *
 * <p>Parameters: {@code method} ({@code representer}: {@code lambda}; {@code tracin}:
 * {@code checkpoints}, {@code checkpoints_sha256}).
 */
final class InfluenceCorpus implements CorpusJob {

    private final Classifier model;
    private final InfluenceData data;
    private final CorpusRequest request;
    private final boolean tracin;

    InfluenceCorpus(Classifier model, Dataset dataset, CorpusRequest request) {
        String method = request.parameter("method");
        if (!RepresenterPoints.METHOD.equals(method) && !TracIn.METHOD.equals(method)) {
            throw new IllegalArgumentException("influence-index runs representer or tracin, got " + method);
        }
        this.model = model;
        this.data = InfluenceData.of(model, dataset);
        this.request = request;
        this.tracin = TracIn.METHOD.equals(method);
    }

    /** The request parameters of a representer index with L2 weight {@code lambda}. */
    static Map<String, String> parameters(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be a positive number, got " + lambda);
        }
        return Map.of("method", RepresenterPoints.METHOD, "lambda", Double.toString(lambda));
    }

    /**
     * The request parameters of a last-layer TracIn index over the checkpoints of {@code model}
     * ({@code checkpoints}: their folder, or null for {@code <model>.checkpoints/}), identified by
     * the SHA-256 of the folder's files.
     *
     * @throws IllegalArgumentException when the model has no checkpoints there
     */
    static Map<String, String> tracinParameters(Path model, Path checkpoints) throws IOException {
        ResolvedCheckpoints resolved = checkpointSource(checkpoints).resolve(model);
        return Map.of("method", TracIn.METHOD, "checkpoints", checkpoints == null ? ""
                : checkpoints.toAbsolutePath().normalize().toString(), "checkpoints_sha256", hex(resolved.digest()));
    }

    private static InfluenceCheckpoints checkpointSource(Path folder) {
        return folder == null ? InfluenceCheckpoints.BESIDE_MODEL : new InfluenceCheckpoints.Folder(folder);
    }

    private static String hex(byte[] digest) {
        return java.util.HexFormat.of().formatHex(digest);
    }

    @Override
    public int size() {
        return data.train().size() + (tracin ? 0 : data.test().size());
    }

    @Override
    public List<ShardArray> run(Shard.Range range, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        return tracin ? tracin(range, cancel) : representer(range, progress, cancel);
    }

    /**
     * The TracIn state of training examples {@code range} ({@link TracIn#toArrays()}: every
     * checkpoint's last-layer features and loss gradients with respect to the logits, whose outer
     * product is the last layer's gradient). TracIn loads each checkpoint into the model, so this
     * opens a model of its own instead of the one the executor's tasks share.
     */
    private List<ShardArray> tracin(Shard.Range range, CancellationToken cancel) throws IOException {
        String folder = request.parameter("checkpoints");
        ResolvedCheckpoints resolved = checkpointSource(folder.isEmpty() ? null : Path.of(folder))
                .resolve(request.modelPath());
        if (!hex(resolved.digest()).equals(request.parameter("checkpoints_sha256"))) {
            throw new IllegalArgumentException("the checkpoints " + resolved.source() + " differ from those the job was"
                    + " made for (SHA-256 " + request.parameter("checkpoints_sha256") + ")");
        }
        cancel.throwIfCancelled();
        Classifier own = ModelOpening.classifier(request.modelPath(), request.vocabularyPath(), request.job());
        Map<String, INDArray> state = TracIn.lastLayer(own.network(), resolved.checkpoints(),
                new Block(data.train(), range.from(), range.to())).toArrays();
        List<ShardArray> out = new ArrayList<>();
        for (var e : state.entrySet()) {
            INDArray a = e.getValue().castTo(DataType.DOUBLE).dup('c');
            ShardArray.Rule rule = e.getKey().equals("learning_rates") ? ShardArray.Rule.SAME : ShardArray.Rule.CONCAT;
            out.add(new ShardArray(e.getKey(), a.shape(), a.data().asDouble(), rule));
        }
        return out;
    }

    private List<ShardArray> representer(Shard.Range range, ProgressListener progress, CancellationToken cancel) {
        int trainSize = data.train().size();
        List<double[]> features = new ArrayList<>();
        List<double[]> logits = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        List<Double> isTest = new ArrayList<>();
        int trainTo = Math.min(range.to(), trainSize);
        if (range.from() < trainTo) {
            add(data.train(), range.from(), trainTo, 0, features, logits, labels, isTest, progress, cancel);
        }
        int testFrom = Math.max(range.from(), trainSize);
        if (testFrom < range.to()) {
            add(data.test(), testFrom - trainSize, range.to() - trainSize, 1, features, logits, labels, isTest,
                    progress, cancel);
        }
        INDArray last = LastLayerFeatures.lastLayerWeights(model.network()).castTo(DataType.DOUBLE);
        double[][] w = last.toDoubleMatrix();
        return List.of(ShardArray.matrix("features", features.toArray(new double[0][]), features.get(0).length,
                        ShardArray.Rule.CONCAT),
                ShardArray.matrix("logits", logits.toArray(new double[0][]), logits.get(0).length,
                        ShardArray.Rule.CONCAT),
                ShardArray.vector("label", labels.stream().mapToDouble(Double::doubleValue).toArray(),
                        ShardArray.Rule.CONCAT),
                ShardArray.vector("is_test", isTest.stream().mapToDouble(Double::doubleValue).toArray(),
                        ShardArray.Rule.CONCAT),
                ShardArray.matrix("last_layer", w, w[0].length, ShardArray.Rule.SAME));
    }

    private void add(ExampleSet set, int from, int to, int test, List<double[]> features, List<double[]> logits,
                     List<Double> labels, List<Double> isTest, ProgressListener progress, CancellationToken cancel) {
        LastLayerFeatures f = LastLayerFeatures.compute(model.network(), new Block(set, from, to), progress, cancel);
        features.addAll(List.of(f.features().toDoubleMatrix()));
        logits.addAll(List.of(f.logits().toDoubleMatrix()));
        for (int label : f.labels()) {
            labels.add((double) label);
            isTest.add((double) test);
        }
    }

    /**
     * The representer fit from the merged features: {@code alpha} [n_train, C] and {@code fit}
     * (iterations, gradient norm, objective), as the single-process index computes them.
     */
    static List<ShardArray> summarise(CorpusRequest request, Map<String, ShardArray> merged) {
        if (TracIn.METHOD.equals(request.parameter("method"))) {
            return List.of(ShardArray.vector("self_influence", restore(merged).selfInfluence(), ShardArray.Rule.SUM));
        }
        ShardArray f = merged.get("features");
        ShardArray z = merged.get("logits");
        double[] test = merged.get("is_test").values();
        double[] label = merged.get("label").values();
        int width = (int) f.shape()[1];
        int classes = (int) z.shape()[1];
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < test.length; i++) {
            if (test[i] == 0) {
                train.add(i);
            }
        }
        double[] tf = new double[train.size() * width];
        double[] tz = new double[train.size() * classes];
        int[] labels = new int[train.size()];
        for (int r = 0; r < train.size(); r++) {
            int i = train.get(r);
            System.arraycopy(f.values(), i * width, tf, r * width, width);
            System.arraycopy(z.values(), i * classes, tz, r * classes, classes);
            labels[r] = (int) label[i];
        }
        LastLayerFeatures features = new LastLayerFeatures(Nd4j.create(tf, new long[] {train.size(), width},
                DataType.DOUBLE), Nd4j.create(tz, new long[] {train.size(), classes}, DataType.DOUBLE), labels);
        ShardArray w = merged.get("last_layer");
        RepresenterPoints rp = RepresenterPoints.fit(features, Double.parseDouble(request.parameter("lambda")),
                Nd4j.create(w.values(), w.shape(), DataType.DOUBLE));
        double[] alpha = rp.alpha().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        RepresenterPoints.Fit fit = rp.fitReport();
        return List.of(new ShardArray("alpha", new long[] {train.size(), rp.classes()}, alpha, ShardArray.Rule.SUM),
                ShardArray.vector("fit", new double[] {fit.iterations(), fit.gradientNorm(), fit.objective()},
                        ShardArray.Rule.SUM));
    }

    /** The merged TracIn state as {@link TracIn#fromArrays} reads it. */
    static TracIn restore(Map<String, ShardArray> merged) {
        Map<String, INDArray> m = new java.util.LinkedHashMap<>();
        for (ShardArray a : merged.values()) {
            INDArray v = Nd4j.create(a.values(), a.shape(), DataType.DOUBLE);
            m.put(a.name(), a.name().equals("labels") ? v.castTo(DataType.INT) : v);
        }
        return TracIn.fromArrays(m);
    }

    /** Examples {@code from..to-1} of an example set. */
    private record Block(ExampleSet set, int from, int to) implements ExampleSet {
        @Override
        public int size() {
            return to - from;
        }

        @Override
        public int label(int i) {
            return set.label(from + i);
        }

        @Override
        public boolean hasRelevance() {
            return set.hasRelevance();
        }

        @Override
        public Batch batch(int[] indices) {
            int[] shifted = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                shifted[i] = from + indices[i];
            }
            return set.batch(shifted);
        }
    }
}
