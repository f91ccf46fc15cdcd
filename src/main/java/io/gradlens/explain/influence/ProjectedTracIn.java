package io.gradlens.explain.influence;

import io.gradlens.nn.Sequential;
import io.gradlens.train.Batch;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.train.ExampleSet;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TracIn over chosen layers (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484) with
 * every per-example, per-checkpoint gradient compressed by a seeded random projection
 * ({@link GradientProjection}; TRAK, Park et al., ICML 2023, https://arxiv.org/abs/2303.14186):
 * {@code TracInCP(x_i, x_t) ≈ Σ_c η_c (P∇ℓ(θ_c; x_i))·(P∇ℓ(θ_c; x_t))}, unbiased, the error falling as
 * {@code 1/√d}. The training side is d numbers per example and checkpoint; the gradients are built
 * one tape pass per example and projected in blocks of {@link #BLOCK} examples. {@link #exact}
 * computes the same sums without projection, for checks on small sets.
 */
public final class ProjectedTracIn {

    /** Method name in rankings and cache files. */
    public static final String METHOD = "tracin-projected";

    /** Examples projected together. */
    public static final int BLOCK = 64;

    private final double[] learningRates;
    private final List<double[]> projected;
    private final int[] labels;
    private final int dimension;

    private ProjectedTracIn(double[] learningRates, List<double[]> projected, int[] labels, int dimension) {
        this.learningRates = learningRates.clone();
        this.projected = List.copyOf(projected);
        this.labels = labels.clone();
        this.dimension = dimension;
    }

    /** As {@link #build(Sequential, List, ExampleSet, InfluenceLayers, GradientProjection, ProgressListener, CancellationToken)} without progress. */
    public static ProjectedTracIn build(Sequential model, List<Checkpoint> checkpoints, ExampleSet train,
                                        InfluenceLayers layers, GradientProjection projection) {
        return build(model, checkpoints, train, layers, projection, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * Projects the gradient of every training example at every checkpoint; the model's weights are
     * restored afterwards.
     *
     * @throws CancellationToken.CancelledException when cancelled (checked before each block)
     */
    public static ProjectedTracIn build(Sequential model, List<Checkpoint> checkpoints, ExampleSet train,
                                        InfluenceLayers layers, GradientProjection projection,
                                        ProgressListener progress, CancellationToken cancel) {
        requireCheckpoints(checkpoints);
        List<String> names = layers.parameterNames(model);
        int n = train.size();
        int d = projection.dimension();
        double[] rates = new double[checkpoints.size()];
        List<double[]> out = new ArrayList<>();
        Map<String, INDArray> saved = snapshot(model);
        try {
            for (int c = 0; c < checkpoints.size(); c++) {
                model.loadWeights(checkpoints.get(c).weights());
                rates[c] = checkpoints.get(c).learningRate();
                double[] m = new double[n * d];
                for (int from = 0; from < n; from += BLOCK) {
                    cancel.throwIfCancelled();
                    int to = Math.min(n, from + BLOCK);
                    INDArray block = PerExampleGradients.projectRange(model, train, from, to, names, projection);
                    System.arraycopy(block.dup('c').data().asDouble(), 0, m, from * d, (to - from) * d);
                    block.close();
                    progress.progress(c * n + to, checkpoints.size() * n, String.format(Locale.ROOT,
                            "Projected gradients, checkpoint %d/%d, %,d/%,d", c + 1, checkpoints.size(), to, n));
                }
                out.add(m);
            }
        } finally {
            model.loadWeights(saved);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = train.label(i);
        }
        return new ProjectedTracIn(rates, out, y, d);
    }

    /**
     * The test side: {@code P∇ℓ(θ_c; x_t)} per checkpoint for the one example in {@code test}, its
     * label being the explained class; weights restored afterwards.
     */
    public static double[][] project(Sequential model, List<Checkpoint> checkpoints, Batch test,
                                     InfluenceLayers layers, GradientProjection projection) {
        ExampleSet one = single(test);
        List<String> names = layers.parameterNames(model);
        double[][] out = new double[checkpoints.size()][];
        Map<String, INDArray> saved = snapshot(model);
        try {
            for (int c = 0; c < checkpoints.size(); c++) {
                model.loadWeights(checkpoints.get(c).weights());
                INDArray row = PerExampleGradients.projectRange(model, one, 0, 1, names, projection);
                out[c] = row.dup('c').data().asDouble();
                row.close();
            }
        } finally {
            model.loadWeights(saved);
        }
        return out;
    }

    /**
     * Exact TracInCP over the chosen weights, no projection: {@code influence} for the one example in
     * {@code test} (null for self-influence only) and {@code self}. One tape pass per example and
     * checkpoint, the gradients held one example at a time.
     */
    public static TracIn.AllLayers exact(Sequential model, List<Checkpoint> checkpoints, ExampleSet train,
                                         InfluenceLayers layers, Batch test) {
        requireCheckpoints(checkpoints);
        List<String> names = layers.parameterNames(model);
        double[] influence = new double[train.size()];
        double[] self = new double[train.size()];
        Map<String, INDArray> saved = snapshot(model);
        try {
            for (Checkpoint c : checkpoints) {
                model.loadWeights(c.weights());
                Map<String, INDArray> gt = test == null ? null : PerExampleGradients.of(model, test, names);
                for (int i = 0; i < train.size(); i++) {
                    Map<String, INDArray> gi = PerExampleGradients.of(model, train.batch(new int[] {i}), names);
                    double s = 0;
                    double t = 0;
                    for (String name : names) {
                        INDArray a = gi.get(name);
                        s += a.mul(a).sumNumber().doubleValue();
                        if (gt != null) {
                            t += a.mul(gt.get(name)).sumNumber().doubleValue();
                        }
                    }
                    self[i] += c.learningRate() * s;
                    influence[i] += c.learningRate() * t;
                }
            }
        } finally {
            model.loadWeights(saved);
        }
        return new TracIn.AllLayers(test == null ? null : influence, self);
    }

    /** Number of training examples. */
    public int size() {
        return labels.length;
    }

    /** The projection dimension d. */
    public int dimension() {
        return dimension;
    }

    /** {@code Σ_c η_c (P g_i^c)·(P g_t^c)} for every training example. */
    public double[] influence(double[][] test) {
        if (test.length != learningRates.length) {
            throw new IllegalArgumentException("the test point has " + test.length + " checkpoints, the training side "
                    + learningRates.length);
        }
        double[] out = new double[labels.length];
        for (int c = 0; c < learningRates.length; c++) {
            if (test[c].length != dimension) {
                throw new IllegalArgumentException("the test projection has " + test[c].length + " values, expected "
                        + dimension);
            }
            double[] m = projected.get(c);
            for (int i = 0; i < labels.length; i++) {
                double s = 0;
                for (int k = 0; k < dimension; k++) {
                    s += m[i * dimension + k] * test[c][k];
                }
                out[i] += learningRates[c] * s;
            }
        }
        return out;
    }

    /** Top-k proponents and opponents for one test point's projections. */
    public InfluenceRanking explain(int testIndex, double[][] test, int classIndex, int k) {
        long t0 = System.nanoTime();
        double[] v = influence(test);
        return InfluenceRanking.of(METHOD, testIndex, classIndex, v, labels, k, (System.nanoTime() - t0) / 1e6);
    }

    /** Self-influence {@code Σ_c η_c ‖P g_i^c‖²}. */
    public double[] selfInfluence() {
        double[] out = new double[labels.length];
        for (int c = 0; c < learningRates.length; c++) {
            double[] m = projected.get(c);
            for (int i = 0; i < labels.length; i++) {
                double s = 0;
                for (int k = 0; k < dimension; k++) {
                    double v = m[i * dimension + k];
                    s += v * v;
                }
                out[i] += learningRates[c] * s;
            }
        }
        return out;
    }

    /** Training examples ranked by projected self-influence, highest first. */
    public SelfInfluenceRanking selfInfluenceRanking(int k) {
        return SelfInfluenceRanking.of(METHOD, selfInfluence(), labels, k);
    }

    /** The state to cache. */
    public Map<String, INDArray> toArrays() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("learning_rates", Nd4j.createFromArray(learningRates));
        m.put("labels", Nd4j.createFromArray(labels));
        for (int c = 0; c < learningRates.length; c++) {
            m.put("projected_" + c, Nd4j.create(projected.get(c), new long[] {labels.length, dimension},
                    DataType.DOUBLE));
        }
        return m;
    }

    /** Restores the state written by {@link #toArrays()}. */
    public static ProjectedTracIn fromArrays(Map<String, INDArray> m) {
        if (!m.containsKey("learning_rates") || !m.containsKey("labels")) {
            throw new IllegalArgumentException("cached projected TracIn state lacks learning rates or labels");
        }
        double[] rates = m.get("learning_rates").castTo(DataType.DOUBLE).data().asDouble();
        List<double[]> p = new ArrayList<>();
        int d = 0;
        for (int c = 0; c < rates.length; c++) {
            INDArray pc = m.get("projected_" + c);
            if (pc == null) {
                throw new IllegalArgumentException("cached projected TracIn state lacks checkpoint " + c);
            }
            d = (int) pc.size(1);
            p.add(pc.castTo(DataType.DOUBLE).dup('c').data().asDouble());
        }
        return new ProjectedTracIn(rates, p, m.get("labels").toIntVector(), d);
    }

    private static void requireCheckpoints(List<Checkpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("TracIn needs at least one checkpoint");
        }
    }

    private static Map<String, INDArray> snapshot(Sequential model) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        model.parameters().forEach((k, v) -> m.put(k, v.value().dup()));
        return m;
    }

    /** A one-example set holding {@code test}. */
    private static ExampleSet single(Batch test) {
        if (test.size() != 1) {
            throw new IllegalArgumentException("projected TracIn explains one test example at a time");
        }
        return new ExampleSet() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public int label(int i) {
                return test.labels()[0];
            }

            @Override
            public boolean hasRelevance() {
                return false;
            }

            @Override
            public Batch batch(int[] indices) {
                return test;
            }
        };
    }
}
