package io.gradlens.explain.influence;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Batch;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.StepResult;
import io.gradlens.train.TrainingStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TracIn, checkpoint variant (Pruthi, Liu, Kale and Sundararajan, "Estimating Training Data
 * Influence by Tracing Gradient Descent", NeurIPS 2020, https://arxiv.org/abs/2002.08484):
 * {@code TracInCP(x_i, x_t) = Σ_c η_c ∇θL(x_i; θ_c) · ∇θL(x_t; θ_c)} over saved checkpoints
 * {@code θ_c} with their learning rates {@code η_c}. Positive values are proponents (training on
 * {@code x_i} lowered the test loss), negative values opponents. Self-influence
 * {@code Σ_c η_c ‖∇θL(x_i; θ_c)‖²} ranks suspected mislabels first.
 *
 * <p>By default θ is the last dense layer only. There the per-example gradient has the closed form
 * {@code ∂L/∂Θ = f̃_i ⊗ (p_i − y_i)} (features with a bias column, softmax minus one-hot), so the
 * dot product of two examples' gradients factorises as {@code (f̃_i·f̃_t)((p_i − y_i)·(p_t − y_t))}:
 * precomputation is one batched forward pass per checkpoint and a query is O(n·(d + C)) per
 * checkpoint. {@link #allLayers} takes every weight instead, one tape pass per example (slow; for
 * small sets).
 */
public final class TracIn {

    /** Method name in rankings. */
    public static final String METHOD = "tracin";

    private final double[] learningRates;
    private final List<double[]> features;
    private final List<double[]> errors;
    private final int[] labels;
    private final int n;
    private final int width;
    private final int classes;

    private TracIn(double[] learningRates, List<double[]> features, List<double[]> errors, int[] labels, int width,
                   int classes) {
        this.learningRates = learningRates.clone();
        this.features = List.copyOf(features);
        this.errors = List.copyOf(errors);
        this.labels = labels.clone();
        this.n = labels.length;
        this.width = width;
        this.classes = classes;
    }

    /**
     * The test point side of a query: its last-layer features and logits at every checkpoint.
     *
     * @param features per checkpoint, length d + 1
     * @param logits   per checkpoint, length C
     */
    public record TestPoint(double[][] features, double[][] logits) {
    }

    /**
     * Precomputes the last-layer gradients of every training example at every checkpoint. The
     * model's own weights are restored afterwards. Checkpoints are streamed: each one's features are
     * turned into the flat arrays a query reads and its ND4J arrays closed before the next checkpoint
     * is loaded, so the precomputation holds one checkpoint's arrays at a time (the same numbers as
     * converting the list of {@link #features}).
     */
    public static TracIn lastLayer(Sequential model, List<Checkpoint> checkpoints, ExampleSet train) {
        double[] rates = new double[checkpoints.size()];
        List<double[]> f = new ArrayList<>();
        List<double[]> g = new ArrayList<>();
        int[][] labels = new int[1][];
        int[] shape = new int[2];
        forEachCheckpoint(model, checkpoints, train, (c, ll) -> {
            rates[c] = checkpoints.get(c).learningRate();
            INDArray contiguous = ll.features().dup('c');
            f.add(contiguous.data().asDouble());
            contiguous.close();
            INDArray probabilities = ll.probabilities();
            g.add(errorMatrix(probabilities, ll.labels()));
            probabilities.close();
            if (c == 0) {
                labels[0] = ll.labels();
                shape[0] = ll.width();
                shape[1] = ll.classes();
            }
            ll.features().close();
            ll.logits().close();
        });
        return new TracIn(rates, f, g, labels[0], shape[0], shape[1]);
    }

    /** What {@link #forEachCheckpoint} hands over: checkpoint {@code index} and its features. */
    @FunctionalInterface
    private interface CheckpointFeatures {
        void accept(int index, LastLayerFeatures features);
    }

    /**
     * Computes the features of {@code data} at each checkpoint in turn and hands them to {@code sink}
     * before loading the next; the model's weights are restored afterwards.
     */
    private static void forEachCheckpoint(Sequential model, List<Checkpoint> checkpoints, ExampleSet data,
                                          CheckpointFeatures sink) {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("TracIn needs at least one checkpoint");
        }
        LastLayerFeatures.lastDense(model);
        Map<String, INDArray> saved = snapshot(model);
        try {
            for (int c = 0; c < checkpoints.size(); c++) {
                model.loadWeights(checkpoints.get(c).weights());
                sink.accept(c, LastLayerFeatures.compute(model, data));
            }
        } finally {
            model.loadWeights(saved);
        }
    }

    /** The last-layer features of {@code data} at every checkpoint (the model's weights are restored). */
    public static List<LastLayerFeatures> features(Sequential model, List<Checkpoint> checkpoints, ExampleSet data) {
        List<LastLayerFeatures> out = new ArrayList<>();
        forEachCheckpoint(model, checkpoints, data, (c, ll) -> out.add(ll));
        return out;
    }

    /** Test point {@code index} of per-checkpoint features computed by {@link #features}. */
    public static TestPoint testPoint(List<LastLayerFeatures> perCheckpoint, int index) {
        double[][] f = new double[perCheckpoint.size()][];
        double[][] z = new double[perCheckpoint.size()][];
        for (int c = 0; c < f.length; c++) {
            f[c] = perCheckpoint.get(c).features().getRow(index).dup().data().asDouble();
            z[c] = perCheckpoint.get(c).logits().getRow(index).dup().data().asDouble();
        }
        return new TestPoint(f, z);
    }

    private static Map<String, INDArray> snapshot(Sequential model) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        model.parameters().forEach((k, v) -> m.put(k, v.value().dup()));
        return m;
    }

    /** {@code softmax − one-hot}, row-major [n, C]. */
    private static double[] errorMatrix(INDArray probabilities, int[] labels) {
        INDArray contiguous = probabilities.dup('c');
        double[] p = contiguous.data().asDouble();
        contiguous.close();
        int c = (int) probabilities.size(1);
        for (int i = 0; i < labels.length; i++) {
            p[i * c + labels[i]] -= 1;
        }
        return p;
    }

    /** Number of checkpoints. */
    public int checkpoints() {
        return learningRates.length;
    }

    /** Number of training examples. */
    public int size() {
        return n;
    }

    /**
     * {@code TracInCP(x_i, x_t)} for every training example, the test point's loss taken for class
     * {@code classIndex}.
     */
    public double[] influence(TestPoint test, int classIndex) {
        if (test.features().length != learningRates.length) {
            throw new IllegalArgumentException("the test point has " + test.features().length + " checkpoints, "
                    + "the training side " + learningRates.length);
        }
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " is out of range 0.." + (classes - 1));
        }
        double[] out = new double[n];
        for (int c = 0; c < learningRates.length; c++) {
            double[] ft = test.features()[c];
            if (ft.length != width) {
                throw new IllegalArgumentException("the test feature has " + ft.length + " values, expected " + width);
            }
            double[] gt = softmax(test.logits()[c]);
            gt[classIndex] -= 1;
            double[] f = features.get(c);
            double[] g = errors.get(c);
            double eta = learningRates[c];
            for (int i = 0; i < n; i++) {
                double k = 0;
                int row = i * width;
                for (int d = 0; d < width; d++) {
                    k += f[row + d] * ft[d];
                }
                double e = 0;
                int erow = i * classes;
                for (int j = 0; j < classes; j++) {
                    e += g[erow + j] * gt[j];
                }
                out[i] += eta * k * e;
            }
        }
        return out;
    }

    /** Top-k proponents and opponents of class {@code classIndex} for one test point. */
    public InfluenceRanking explain(int testIndex, TestPoint test, int classIndex, int k) {
        long t0 = System.nanoTime();
        double[] v = influence(test, classIndex);
        double millis = (System.nanoTime() - t0) / 1e6;
        return InfluenceRanking.of(METHOD, testIndex, classIndex, v, labels, k, millis);
    }

    /** Self-influence {@code Σ_c η_c ‖f̃_i‖² ‖p_i − y_i‖²} of every training example. */
    public double[] selfInfluence() {
        double[] out = new double[n];
        for (int c = 0; c < learningRates.length; c++) {
            double[] f = features.get(c);
            double[] g = errors.get(c);
            for (int i = 0; i < n; i++) {
                double ff = 0;
                for (int d = 0; d < width; d++) {
                    ff += f[i * width + d] * f[i * width + d];
                }
                double gg = 0;
                for (int j = 0; j < classes; j++) {
                    gg += g[i * classes + j] * g[i * classes + j];
                }
                out[i] += learningRates[c] * ff * gg;
            }
        }
        return out;
    }

    /** Training examples ranked by self-influence, highest first. */
    public SelfInfluenceRanking selfInfluenceRanking(int k) {
        return SelfInfluenceRanking.of(METHOD, selfInfluence(), labels, k);
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /**
     * TracInCP over every weight of the model: one tape pass per example and checkpoint. Returns
     * {@code influence} (for the test example, if given) and {@code self} (self-influence).
     *
     * @param test       a batch holding the one test example, its label replaced by the explained class; or
     *                   null for self-influence only
     */
    public static AllLayers allLayers(Sequential model, List<Checkpoint> checkpoints, ExampleSet train, Batch test) {
        if (test != null && test.size() != 1) {
            throw new IllegalArgumentException("all-layer TracIn explains one test example at a time");
        }
        Map<String, INDArray> saved = snapshot(model);
        double[] influence = new double[train.size()];
        double[] self = new double[train.size()];
        try {
            for (Checkpoint c : checkpoints) {
                model.loadWeights(c.weights());
                Map<String, Tensor> gt = test == null ? null : gradients(model, test);
                for (int i = 0; i < train.size(); i++) {
                    Map<String, Tensor> gi = gradients(model, train.batch(new int[] {i}));
                    double s = 0;
                    double t = 0;
                    for (Map.Entry<String, Tensor> e : gi.entrySet()) {
                        INDArray a = e.getValue().value().castTo(DataType.DOUBLE);
                        s += a.mul(a).sumNumber().doubleValue();
                        if (gt != null) {
                            t += a.mul(gt.get(e.getKey()).value().castTo(DataType.DOUBLE)).sumNumber().doubleValue();
                        }
                    }
                    self[i] += c.learningRate() * s;
                    influence[i] += c.learningRate() * t;
                }
            }
        } finally {
            model.loadWeights(saved);
        }
        return new AllLayers(test == null ? null : influence, self);
    }

    /**
     * All-layer TracIn results.
     *
     * @param influence per training example, or null when no test example was given
     * @param self      self-influence per training example
     */
    public record AllLayers(double[] influence, double[] self) {
    }

    private static Map<String, Tensor> gradients(Sequential model, Batch one) {
        Batch typed = new Batch(LastLayerFeatures.asModelType(model, one.input()), one.labels(), null);
        StepResult r = TrainingStep.run(model, typed, null, io.gradlens.nn.ForwardContext.inference(), true);
        return r.gradients();
    }

    /** The state to cache. */
    public Map<String, INDArray> toArrays() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("learning_rates", Nd4j.createFromArray(learningRates));
        m.put("labels", Nd4j.createFromArray(labels));
        for (int c = 0; c < learningRates.length; c++) {
            m.put("features_" + c, Nd4j.create(features.get(c), new long[] {n, width}, DataType.DOUBLE));
            m.put("errors_" + c, Nd4j.create(errors.get(c), new long[] {n, classes}, DataType.DOUBLE));
        }
        return m;
    }

    /** Restores the state written by {@link #toArrays()}. */
    public static TracIn fromArrays(Map<String, INDArray> m) {
        if (!m.containsKey("learning_rates") || !m.containsKey("labels")) {
            throw new IllegalArgumentException("cached TracIn state lacks learning rates or labels");
        }
        double[] rates = m.get("learning_rates").castTo(DataType.DOUBLE).data().asDouble();
        List<double[]> f = new ArrayList<>();
        List<double[]> g = new ArrayList<>();
        int width = 0;
        int classes = 0;
        for (int c = 0; c < rates.length; c++) {
            INDArray fc = m.get("features_" + c);
            INDArray gc = m.get("errors_" + c);
            if (fc == null || gc == null) {
                throw new IllegalArgumentException("cached TracIn state lacks checkpoint " + c);
            }
            width = (int) fc.size(1);
            classes = (int) gc.size(1);
            f.add(fc.castTo(DataType.DOUBLE).dup('c').data().asDouble());
            g.add(gc.castTo(DataType.DOUBLE).dup('c').data().asDouble());
        }
        return new TracIn(rates, f, g, m.get("labels").toIntVector(), width, classes);
    }
}
