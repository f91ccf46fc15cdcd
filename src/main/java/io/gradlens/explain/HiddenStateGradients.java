package io.gradlens.explain;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.ActivationLayer;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Dense;
import io.gradlens.nn.Dropout;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Layer;
import io.gradlens.nn.Lstm;
import io.gradlens.nn.Gru;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Hidden-state gradients over time: for a recurrent layer (SimpleRNN, LSTM, GRU) and one token
 * sequence, {@code G[t][s] = ‖∂r(h_t)/∂x_s‖₂} for every pair of steps, with r the mean over units
 * (or one unit, or the norm) and x_s the embedding output. This is the "vanishing gradient" view
 * of Bengio, Simard and Frasconi 1994 ("Learning long-term dependencies with gradient descent is
 * difficult", <a href="https://doi.org/10.1109/72.279181">IEEE TNN 5(2)</a>) and Pascanu, Mikolov
 * and Bengio 2013 (<a href="https://arxiv.org/abs/1211.5063">arXiv:1211.5063</a>), applied to a
 * trained model's actual inputs.
 *
 * <p><b>Scaling.</b> Row t needs its own vector-Jacobian product. When only recurrent layers (or
 * dropout) lie between the embedding and the mapped layer, the forward pass is run once and every
 * row is pulled back together in one reverse sweep through the recurrence, one cotangent row per map
 * row ({@link RecurrentChainSweep}): T(T+1)/2 row-steps of backward algebra and memory of a few
 * [K, H] arrays. Otherwise (e.g. a convolution first) rows are computed in chunks: the sequence is
 * replicated K times in a batch, row k of the batch is seeded at its own step t_k (one
 * vector-Jacobian product whose target is {@code Σ_k ⟨∂r/∂h, h_{t_k}[k]⟩}), and the forward runs
 * only up to the chunk's last step where h_t depends on x_0..x_t alone. In both cases K, the rows per
 * pass, adapts to a memory budget or is fixed by the caller; K = 1 computes one row per pass.
 * Progress goes to a {@link ProgressListener} and cancellation is checked once per chunk (and per
 * step inside a sweep).
 */
public final class HiddenStateGradients {

    /** Default memory budget for one chunk's tape, in bytes. */
    public static final long DEFAULT_BUDGET_BYTES = 384L << 20;
    /** Passes between explicit collections of the finished passes' native buffers. */
    private static final int GC_EVERY_PASSES = 2;
    /** The most rows one pass computes when K is chosen automatically. */
    public static final int MAX_ROWS_PER_PASS = 256;

    private final String layer;
    private final HiddenReduction reduction;
    private final int rowsPerPass;
    private final long budgetBytes;

    /**
     * @param layer       the recurrent layer's name, or {@code null} for the first recurrent layer
     * @param reduction   the scalar of h_t
     * @param rowsPerPass K, the rows per backward pass; 0 chooses it from {@code budgetBytes}
     * @param budgetBytes the memory budget of one pass when K is chosen automatically
     */
    public HiddenStateGradients(String layer, HiddenReduction reduction, int rowsPerPass, long budgetBytes) {
        if (rowsPerPass < 0) {
            throw new IllegalArgumentException("rows per pass must be ≥ 0 (0 = automatic), got " + rowsPerPass);
        }
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("the memory budget must be positive, got " + budgetBytes);
        }
        this.layer = layer;
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
        this.rowsPerPass = rowsPerPass;
        this.budgetBytes = budgetBytes;
    }

    /** The first recurrent layer, mean over units, automatic chunking. */
    public static HiddenStateGradients defaults() {
        return new HiddenStateGradients(null, HiddenReduction.mean(), 0, DEFAULT_BUDGET_BYTES);
    }

    /** Maps one text of a text classifier. */
    public HiddenStateGradientMap attribute(Classifier model, String text, ProgressListener progress,
                                            CancellationToken cancel) {
        AttributionInputs.Tokens t = AttributionInputs.texts(model, List.of(text));
        return attribute(model.network(), t.ids().get(0), t.tokens().get(0), progress, cancel);
    }

    /**
     * Maps one token sequence.
     *
     * @param network  a model whose first layer is an embedding and which has a recurrent layer
     * @param ids      the token ids (no padding)
     * @param tokens   the tokens for display, or null to show the ids
     * @throws IllegalArgumentException for a model without a recurrent layer, an unknown or
     *     non-recurrent layer name, an empty sequence or padding ids
     */
    public HiddenStateGradientMap attribute(Sequential network, int[] ids, List<String> tokens,
                                            ProgressListener progress, CancellationToken cancel) {
        int rnnIndex = recurrentLayerIndex(network, layer);
        RecurrentLayer rnn = (RecurrentLayer) network.layer(rnnIndex);
        checkIds(network, ids);
        int steps = ids.length;
        List<String> shown = tokens != null ? List.copyOf(tokens) : java.util.Arrays.stream(ids)
                .mapToObj(Integer::toString).toList();
        if (shown.size() != steps) {
            throw new IllegalArgumentException(shown.size() + " tokens for " + steps + " ids");
        }
        INDArray x = network.forward(Embedding.ids(new int[][] {ids}), ForwardContext.inference(), 0, 1).value();
        int units = rnn.units();
        if (reduction.kind().equals("unit") && reduction.unit() >= units) {
            throw new IllegalArgumentException("unit " + reduction.unit() + " does not exist: layer '" + rnn.name()
                    + "' has " + units + " units (0.." + (units - 1) + ")");
        }
        RecurrentChainSweep sweep = RecurrentChainSweep.trace(network, rnnIndex, x);
        List<INDArray> hs;
        if (sweep != null) {
            hs = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                hs.add(sweep.mapped().hidden(t));
            }
        } else {
            // the full forward once: r(h_t) and the seeds ∂r/∂h_t
            ForwardContext full = ForwardContext.inference();
            network.forward(Tensor.constant(x), full, 1, rnnIndex + 1);
            hs = full.states(rnn.name() + "/h").stream().map(Tensor::value).toList();
        }
        double[] hidden = new double[steps];
        double[][] seeds = new double[steps][];
        for (int t = 0; t < steps; t++) {
            double[] h = hs.get(t).castTo(DataType.DOUBLE).toDoubleVector();
            hidden[t] = reduction.apply(h);
            seeds[t] = reduction.seed(h);
        }
        double[][] map = new double[steps][steps];
        int passes = sweep != null
                ? sweepRows(sweep, steps, x.dataType().width(), seeds, map, rnn.name(), progress, cancel)
                : replicatedRows(network, rnnIndex, rnn, x, seeds, map, progress, cancel);
        double[] curve = new double[steps];
        for (int t = 0; t < steps; t++) {
            double s = 0;
            for (double v : map[t]) {
                s += v * v;
            }
            curve[t] = Math.sqrt(s);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("layer", rnn.name());
        params.put("reduce", reduction.toString());
        params.put("method", sweep != null ? "reverse sweep" : "replicated tape");
        params.put("rows_per_pass", rowsPerPass > 0 ? rowsPerPass : "auto");
        params.put("passes", passes);
        params.put("budget_bytes", budgetBytes);
        return new HiddenStateGradientMap(shown, ids, rnn.name(), reduction.toString(), hidden, curve, map, params);
    }

    /** Bands of rows by {@link RecurrentChainSweep}, each band one reverse sweep; returns the sweeps run. */
    private int sweepRows(RecurrentChainSweep sweep, int steps, int width, double[][] seeds, double[][] map,
                          String name, ProgressListener progress, CancellationToken cancel) {
        int k = rowsPerPass > 0 ? rowsPerPass
                : (int) Math.max(1, Math.min(steps, budgetBytes / sweep.bytesPerRow(width)));
        int passes = 0;
        for (int t0 = 0; t0 < steps; t0 += k) {
            cancel.throwIfCancelled();
            int t1 = Math.min(steps, t0 + k) - 1;
            sweep.rows(t0, t1, seeds, map, cancel, (done, total) -> progress.progress(done, total,
                    rowsMessage(name, done, total)));
            passes++;
            progress.progress(t1 + 1, steps, rowsMessage(name, t1 + 1, steps));
        }
        return passes;
    }

    private static String rowsMessage(String layer, int done, int total) {
        return "hidden-state gradients of '" + layer + "': " + done + " of " + total + " rows";
    }

    /**
     * Chunks of rows from replicated sequences under one tape each (any layers before the mapped
     * one); returns the passes run.
     */
    private int replicatedRows(Sequential network, int rnnIndex, RecurrentLayer rnn, INDArray x, double[][] seeds,
                               double[][] map, ProgressListener progress, CancellationToken cancel) {
        int steps = (int) x.size(1);
        boolean causalPrefix = causalBetween(network, 1, rnnIndex);
        long bytesPerRowStep = (6L * rnn.units() * gates(rnn) + 2L * x.size(2)) * x.dataType().width();
        int t0 = 0;
        int passes = 0;
        while (t0 < steps) {
            cancel.throwIfCancelled();
            int k = rowsPerPass > 0 ? rowsPerPass : rowsFor(t0, causalPrefix ? -1 : steps, bytesPerRowStep);
            int t1 = Math.min(steps, t0 + k) - 1;
            int length = causalPrefix ? t1 + 1 : steps;
            computeRows(network, rnnIndex, rnn, x, t0, t1, length, seeds, map);
            passes++;
            if (passes % GC_EVERY_PASSES == 0) {
                // Memory scope of a pass: ND4J frees a buffer's native memory only when its small Java
                // wrapper is collected, and the wrappers barely load the heap, so without a collection
                // each finished pass's tape (up to the budget in native memory) would linger and the
                // process would grow by a budget's worth per pass. Collecting here keeps the resident
                // size near one pass's budget.
                System.gc();
            }
            t0 = t1 + 1;
            progress.progress(t0, steps, rowsMessage(rnn.name(), t0, steps));
        }
        return passes;
    }

    /**
     * The largest K whose pass stays within the budget, at least 1: K·(t0 + K) row-steps when the
     * forward can stop at the chunk's last step, K·fullLength otherwise ({@code fullLength} ≥ 0).
     */
    private int rowsFor(int t0, int fullLength, long bytesPerRowStep) {
        long budgetRowSteps = Math.max(1, budgetBytes / bytesPerRowStep);
        int k = 1;
        while (k < MAX_ROWS_PER_PASS
                && (long) (k + 1) * (fullLength >= 0 ? fullLength : t0 + k + 1) <= budgetRowSteps) {
            k++;
        }
        return k;
    }

    /** One pass: rows t0..t1 of the map from K = t1 − t0 + 1 replicas of x[:, :length]. */
    private void computeRows(Sequential network, int rnnIndex, RecurrentLayer rnn, INDArray x, int t0, int t1,
                             int length, double[][] seeds, double[][] map) {
        int k = t1 - t0 + 1;
        INDArray prefix = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, length), NDArrayIndex.all());
        INDArray[] copies = new INDArray[k];
        java.util.Arrays.fill(copies, prefix);
        Tensor replicated = Tensor.constant(Nd4j.concat(0, copies));
        Tensor grad;
        // One tape per chunk: its records (K × length steps) are the memory the budget bounds; they
        // are released when the gradient has been taken.
        try (GradientTape tape = GradientTape.open(false, false)) {
            tape.watch(replicated);
            ForwardContext ctx = ForwardContext.inference();
            network.forward(replicated, ctx, 1, rnnIndex + 1);
            List<Tensor> hs = ctx.states(rnn.name() + "/h");
            Tensor target = null;
            int units = rnn.units();
            for (int t = t0; t <= t1; t++) {
                double[] seed = new double[k * units];
                System.arraycopy(seeds[t], 0, seed, (t - t0) * units, units);
                Tensor m = Tensor.constant(Nd4j.create(seed, new long[] {k, units}, 'c').castTo(x.dataType()));
                Tensor part = Ops.sum(Ops.mul(hs.get(t), m), false);
                target = target == null ? part : Ops.add(target, part);
            }
            grad = tape.gradient(target, replicated);
        }
        INDArray norms = grad.value().castTo(DataType.DOUBLE).norm2(2); // [K, length]
        double[][] rows = norms.toDoubleMatrix();
        for (int r = 0; r < k; r++) {
            System.arraycopy(rows[r], 0, map[t0 + r], 0, length);
        }
    }

    private static int gates(RecurrentLayer rnn) {
        return rnn instanceof Lstm ? 4 : rnn instanceof Gru ? 3 : 1;
    }

    /** Whether layers [from, to) are position-wise or recurrent, so a prefix of x gives exact states. */
    private static boolean causalBetween(Sequential network, int from, int to) {
        for (int i = from; i < to; i++) {
            Layer l = network.layer(i);
            boolean positionwise = l instanceof RecurrentLayer || l instanceof Dense || l instanceof Dropout
                    || l instanceof ActivationLayer;
            if (!positionwise) {
                return false;
            }
        }
        return true;
    }

    /** The index of the named recurrent layer, or of the first one for {@code null}. */
    static int recurrentLayerIndex(Sequential network, String name) {
        if (!network.takesTokenIds()) {
            throw new IllegalArgumentException("hidden-state gradients need a model that reads token ids "
                    + "(an embedding first)");
        }
        List<String> recurrent = new ArrayList<>();
        for (Layer l : network.layers()) {
            if (l instanceof RecurrentLayer) {
                recurrent.add(l.name());
            }
        }
        if (recurrent.isEmpty()) {
            throw new IllegalArgumentException("the model has no recurrent layer (SimpleRNN, LSTM or GRU); layers: "
                    + network.layers().stream().map(Layer::name).toList());
        }
        if (name == null) {
            return network.indexOf(recurrent.get(0));
        }
        int index;
        try {
            index = network.indexOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no layer named '" + name + "'; recurrent layers: " + recurrent);
        }
        if (!(network.layer(index) instanceof RecurrentLayer)) {
            throw new IllegalArgumentException("layer '" + name + "' is a " + network.layer(index).type()
                    + " layer, not recurrent; recurrent layers: " + recurrent);
        }
        return index;
    }

    private static void checkIds(Sequential network, int[] ids) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("the sequence has no tokens");
        }
        int vocab = ((Embedding) network.layer(0)).vocabularySize();
        for (int id : ids) {
            if (id == Embedding.PAD) {
                throw new IllegalArgumentException("the sequence contains padding (id 0); pass the tokens only");
            }
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + vocab);
            }
        }
    }
}
