package io.gradlens.explain.influence;

import io.gradlens.format.Npz;
import io.gradlens.nn.Sequential;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.train.ExampleSet;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything an influence query needs, precomputed once: the training side of representer points
 * (Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720) or of last-layer TracIn (Pruthi et
 * al., NeurIPS 2020, https://arxiv.org/abs/2002.08484) and the test points' last-layer features.
 * A query ({@link #explain}) is then a pass over the cached training features only, well under
 * 50 ms for 8,000 examples. {@link #save}/{@link #load} keep an index beside the model; the
 * {@code influence} command and the {@code representer_query} benchmark use this class.
 *
 * <p>Projected all-layer TracIn ({@link #projectedTracIn}; TRAK-style projection, Park et al., ICML
 * 2023, https://arxiv.org/abs/2303.14186) keeps only its training side here: d numbers per training
 * example and checkpoint. Its test side is computed by a {@link ProjectedTestSide} at query time
 * (one tape pass per checkpoint), since the gradient depends on the explained class.
 */
public final class InfluenceIndex {

    private final String method;
    private final RepresenterPoints representer;
    private final TracIn tracin;
    private final ProjectedTracIn projected;
    private final ProjectedTestSide projectedTest;
    private final double[][] testFeatures;
    private final List<double[][]> testFeaturesPerCheckpoint;
    private final List<double[][]> testLogitsPerCheckpoint;
    private final double[][] testLogits;
    private final int[] testLabels;
    private final double precomputeSeconds;

    private InfluenceIndex(String method, RepresenterPoints representer, TracIn tracin, double[][] testFeatures,
                           List<double[][]> testFeaturesPerCheckpoint, List<double[][]> testLogitsPerCheckpoint,
                           double[][] testLogits, int[] testLabels, double precomputeSeconds) {
        this(method, representer, tracin, null, null, testFeatures, testFeaturesPerCheckpoint,
                testLogitsPerCheckpoint, testLogits, testLabels, precomputeSeconds);
    }

    private InfluenceIndex(ProjectedTracIn projected, ProjectedTestSide projectedTest, double[][] testLogits,
                           int[] testLabels, double precomputeSeconds) {
        this(ProjectedTracIn.METHOD, null, null, projected, projectedTest, null, null, null, testLogits, testLabels,
                precomputeSeconds);
    }

    private InfluenceIndex(String method, RepresenterPoints representer, TracIn tracin, ProjectedTracIn projected,
                           ProjectedTestSide projectedTest, double[][] testFeatures,
                           List<double[][]> testFeaturesPerCheckpoint, List<double[][]> testLogitsPerCheckpoint,
                           double[][] testLogits, int[] testLabels, double precomputeSeconds) {
        this.method = method;
        this.representer = representer;
        this.tracin = tracin;
        this.projected = projected;
        this.projectedTest = projectedTest;
        this.testFeatures = testFeatures;
        this.testFeaturesPerCheckpoint = testFeaturesPerCheckpoint;
        this.testLogitsPerCheckpoint = testLogitsPerCheckpoint;
        this.testLogits = testLogits;
        this.testLabels = testLabels;
        this.precomputeSeconds = precomputeSeconds;
    }

    /** Precomputes representer points with L2 weight {@code lambda} (see {@link RepresenterPoints#fit}). */
    public static InfluenceIndex representer(Sequential model, ExampleSet train, ExampleSet test, double lambda) {
        return representer(model, train, test, lambda, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * As {@link #representer(Sequential, ExampleSet, ExampleSet, double)}, reporting the feature
     * passes to {@code progress} and stopping within one batch or 25 refit iterations of a cancel.
     *
     * @throws CancellationToken.CancelledException when cancelled
     */
    public static InfluenceIndex representer(Sequential model, ExampleSet train, ExampleSet test, double lambda,
                                             ProgressListener progress, CancellationToken cancel) {
        long t0 = System.nanoTime();
        LastLayerFeatures f = LastLayerFeatures.compute(model, train, progress, cancel);
        progress.progress(0, 0, "Refitting the last layer (representer points)");
        RepresenterPoints rp = RepresenterPoints.fit(f, lambda, LastLayerFeatures.lastLayerWeights(model), cancel);
        LastLayerFeatures t = LastLayerFeatures.compute(model, test, progress, cancel);
        double[][] testFeatures = rows(t.features());
        double[][] testLogits = rows(t.logits());
        close(t);
        return new InfluenceIndex(RepresenterPoints.METHOD, rp, null, testFeatures, null, null, testLogits,
                t.labels(), (System.nanoTime() - t0) / 1e9);
    }

    /** Precomputes last-layer TracIn over {@code checkpoints}; predictions come from the model's current weights. */
    public static InfluenceIndex tracin(Sequential model, List<Checkpoint> checkpoints, ExampleSet train,
                                        ExampleSet test) {
        long t0 = System.nanoTime();
        TracIn tr = TracIn.lastLayer(model, checkpoints, train);
        List<LastLayerFeatures> perCheckpoint = TracIn.features(model, checkpoints, test);
        List<double[][]> f = new ArrayList<>();
        List<double[][]> z = new ArrayList<>();
        for (LastLayerFeatures l : perCheckpoint) {
            f.add(rows(l.features()));
            z.add(rows(l.logits()));
            close(l);
        }
        LastLayerFeatures finalTest = LastLayerFeatures.compute(model, test);
        double[][] finalLogits = rows(finalTest.logits());
        close(finalTest);
        return new InfluenceIndex(TracIn.METHOD, null, tr, null, f, z, finalLogits, finalTest.labels(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Precomputes the training side of projected TracIn over the weights {@code testSide} chooses,
     * in blocks of {@link ProjectedTracIn#BLOCK} examples, on the test side's private copy of the
     * network (so {@code model} is never changed); predictions come from {@code model}'s weights.
     *
     * @throws CancellationToken.CancelledException when cancelled (checked before each block)
     */
    public static InfluenceIndex projectedTracIn(Sequential model, ExampleSet train, ExampleSet test,
                                                 ProjectedTestSide testSide, ProgressListener progress,
                                                 CancellationToken cancel) {
        long t0 = System.nanoTime();
        ProjectedTracIn tr = ProjectedTracIn.build(testSide.network(), testSide.checkpoints(), train,
                testSide.layers(), testSide.projection(), progress, cancel);
        LastLayerFeatures finalTest = LastLayerFeatures.compute(model, test);
        double[][] finalLogits = rows(finalTest.logits());
        close(finalTest);
        return new InfluenceIndex(tr, testSide, finalLogits, finalTest.labels(), (System.nanoTime() - t0) / 1e9);
    }

    /** Frees the ND4J arrays of features already copied into Java arrays (their native memory). */
    private static void close(LastLayerFeatures copied) {
        copied.features().close();
        copied.logits().close();
    }

    private static double[][] rows(INDArray m) {
        return m.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** {@code representer}, {@code tracin} or {@code tracin-projected}. */
    public String method() {
        return method;
    }

    /** Seconds the precomputation took (as measured when it ran, also for a loaded index). */
    public double precomputeSeconds() {
        return precomputeSeconds;
    }

    /** Number of test examples. */
    public int testSize() {
        return testLabels.length;
    }

    /** The representer state, or null for TracIn. */
    public RepresenterPoints representerPoints() {
        return representer;
    }

    /** The projected TracIn training side, or null for the other methods. */
    public ProjectedTracIn projectedTracIn() {
        return projected;
    }

    /** The TracIn state, or null for representer points and projected TracIn. */
    public TracIn tracIn() {
        return tracin;
    }

    /**
     * How faithfully the representer decomposition reproduces the model's logits on the test
     * examples ({@link RepresenterPoints#fidelity}); null for TracIn, which decomposes nothing.
     */
    public RepresenterPoints.Fidelity testFidelity() {
        if (representer == null) {
            return null;
        }
        return representer.fidelity(new LastLayerFeatures(Nd4j.create(testFeatures), Nd4j.create(testLogits),
                testLabels));
    }

    /** The model's predicted class for test example {@code testIndex}. */
    public int predicted(int testIndex) {
        checkIndex(testIndex);
        double[] z = testLogits[testIndex];
        int best = 0;
        for (int j = 1; j < z.length; j++) {
            if (z[j] > z[best]) {
                best = j;
            }
        }
        return best;
    }

    /** The label of test example {@code testIndex}. */
    public int testLabel(int testIndex) {
        checkIndex(testIndex);
        return testLabels[testIndex];
    }

    /**
     * Top-k proponents and opponents of class {@code classIndex} for test example {@code testIndex}.
     *
     * @throws IllegalArgumentException when the index or class is out of range
     */
    public InfluenceRanking explain(int testIndex, int classIndex, int k) {
        checkIndex(testIndex);
        if (k < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + k);
        }
        if (representer != null) {
            return representer.explain(testIndex, testFeatures[testIndex], classIndex, k);
        }
        if (projected != null) {
            long t0 = System.nanoTime();
            InfluenceRanking r = projected.explain(testIndex, projectedTest.project(testIndex, classIndex),
                    classIndex, k);
            // The query's time includes the test side's tape passes, not only the dot products.
            return new InfluenceRanking(r.method(), r.testIndex(), r.classIndex(), r.proponents(), r.opponents(),
                    (System.nanoTime() - t0) / 1e6);
        }
        double[][] f = new double[testFeaturesPerCheckpoint.size()][];
        double[][] z = new double[f.length][];
        for (int c = 0; c < f.length; c++) {
            f[c] = testFeaturesPerCheckpoint.get(c)[testIndex];
            z[c] = testLogitsPerCheckpoint.get(c)[testIndex];
        }
        return tracin.explain(testIndex, new TracIn.TestPoint(f, z), classIndex, k);
    }

    /** Training examples by self-influence (TracIn, projected TracIn) or |α_{i,y_i}| (representer), highest first. */
    public SelfInfluenceRanking selfInfluence(int k) {
        if (projected != null) {
            return projected.selfInfluenceRanking(k);
        }
        return representer != null ? representer.importance(k) : tracin.selfInfluenceRanking(k);
    }

    private void checkIndex(int testIndex) {
        if (testIndex < 0 || testIndex >= testLabels.length) {
            throw new IllegalArgumentException("test index " + testIndex + " is out of range 0.." + (testLabels.length - 1));
        }
    }

    /** Writes the index into {@code dir} ({@code index.npz}), atomically. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, INDArray> m = new LinkedHashMap<>();
        Map<String, INDArray> state = representer != null ? representer.toArrays()
                : projected != null ? projected.toArrays() : tracin.toArrays();
        state.forEach((k, v) -> m.put("train/" + k, v));
        m.put("test/logits", Nd4j.create(testLogits));
        m.put("test/labels", Nd4j.createFromArray(testLabels));
        m.put("precompute_seconds", Nd4j.createFromArray(precomputeSeconds));
        if (testFeatures != null) {
            m.put("test/features", Nd4j.create(testFeatures));
        } else if (testFeaturesPerCheckpoint != null) {
            for (int c = 0; c < testFeaturesPerCheckpoint.size(); c++) {
                m.put("test/features_" + c, Nd4j.create(testFeaturesPerCheckpoint.get(c)));
                m.put("test/logits_" + c, Nd4j.create(testLogitsPerCheckpoint.get(c)));
            }
        }
        Path tmp = Files.createTempFile(dir, "index-", ".tmp");
        try {
            Files.write(tmp, Npz.write(m));
            Files.move(tmp, dir.resolve(method + ".npz"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads an index written by {@link #save}, or returns null when {@code dir} has none for {@code method}.
     *
     * @throws IllegalArgumentException for {@code tracin-projected}, which needs {@link #loadProjected}
     */
    public static InfluenceIndex load(Path dir, String method) throws IOException {
        if (ProjectedTracIn.METHOD.equals(method)) {
            throw new IllegalArgumentException("projected TracIn needs its test side: use loadProjected");
        }
        Map<String, INDArray> m = read(dir, method);
        if (m == null) {
            return null;
        }
        Map<String, INDArray> train = trainArrays(m);
        double[][] logits = rows(m.get("test/logits"));
        int[] labels = m.get("test/labels").toIntVector();
        double seconds = m.get("precompute_seconds").getDouble(0);
        if (RepresenterPoints.METHOD.equals(method)) {
            return new InfluenceIndex(method, RepresenterPoints.fromArrays(train), null, rows(m.get("test/features")),
                    null, null, logits, labels, seconds);
        }
        TracIn tr = TracIn.fromArrays(train);
        List<double[][]> f = new ArrayList<>();
        List<double[][]> z = new ArrayList<>();
        for (int c = 0; c < tr.checkpoints(); c++) {
            f.add(rows(m.get("test/features_" + c)));
            z.add(rows(m.get("test/logits_" + c)));
        }
        return new InfluenceIndex(method, null, tr, null, f, z, logits, labels, seconds);
    }

    /**
     * Reads a projected TracIn index written by {@link #save}, the test side supplied anew (it is
     * computed at query time), or returns null when {@code dir} has none.
     *
     * @throws IllegalArgumentException when the cached training side was projected to another dimension
     */
    public static InfluenceIndex loadProjected(Path dir, ProjectedTestSide testSide) throws IOException {
        Map<String, INDArray> m = read(dir, ProjectedTracIn.METHOD);
        if (m == null) {
            return null;
        }
        ProjectedTracIn tr = ProjectedTracIn.fromArrays(trainArrays(m));
        if (tr.dimension() != testSide.projection().dimension()) {
            throw new IllegalArgumentException("the cached projected TracIn index in " + dir + " has dimension "
                    + tr.dimension() + ", the request " + testSide.projection().dimension());
        }
        return new InfluenceIndex(tr, testSide, rows(m.get("test/logits")), m.get("test/labels").toIntVector(),
                m.get("precompute_seconds").getDouble(0));
    }

    private static Map<String, INDArray> read(Path dir, String method) throws IOException {
        Path file = dir.resolve(method + ".npz");
        return Files.isRegularFile(file) ? Npz.read(file) : null;
    }

    private static Map<String, INDArray> trainArrays(Map<String, INDArray> m) {
        Map<String, INDArray> train = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("train/")) {
                train.put(k.substring("train/".length()), v);
            }
        });
        return train;
    }
}
