package io.gradlens.explain;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.ActivationLayer;
import io.gradlens.nn.Dense;
import io.gradlens.nn.Dropout;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Gru;
import io.gradlens.nn.Layer;
import io.gradlens.nn.Lstm;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shared machinery of the hidden-state methods: one token sequence run forward once up to a
 * recurrent layer (its hidden states h_t kept), then any set of map rows pulled back to the
 * embedding output in batches. A row is (series, t): the vector-Jacobian product of a seed
 * ∂r/∂h_t, giving ‖∂r(h_t)/∂x_s‖ for every s. One series is one scalar r of h_t (the mean over
 * units, one unit, …), so the rows of several units' maps go through the same passes.
 *
 * <p>When only recurrent layers (or dropout) lie between the embedding and the mapped layer, a
 * batch of rows is one reverse sweep ({@link RecurrentChainSweep}). Otherwise the sequence is
 * replicated once per row of a pass, row k seeded at its own step t_k under one tape, and the
 * forward stops at the pass' last step when the layers before are position-wise. Rows per pass
 * adapt to a memory budget or are fixed by the caller.
 */
final class HiddenStatePullBack {

    /** Passes between explicit collections of the finished passes' native buffers. */
    private static final int GC_EVERY_PASSES = 2;

    /** Row t of series {@code series}. */
    record Row(int series, int t) {
    }

    /** The seed ∂r/∂h_t [H] of a row. */
    @FunctionalInterface
    interface Seeds {
        double[] of(int series, int t);
    }

    /** Receives ‖∂r(h_t)/∂x_s‖ of series {@code series}'s row t at column s. */
    @FunctionalInterface
    interface Columns {
        void put(int series, int t, int s, double value);
    }

    private final Sequential network;
    private final int rnnIndex;
    private final RecurrentLayer rnn;
    private final INDArray x;
    private final RecurrentChainSweep sweep;
    private final double[][] hidden;
    private final int rowsPerPass;
    private final long budgetBytes;

    private HiddenStatePullBack(Sequential network, int rnnIndex, INDArray x, RecurrentChainSweep sweep,
                                double[][] hidden, int rowsPerPass, long budgetBytes) {
        this.network = network;
        this.rnnIndex = rnnIndex;
        this.rnn = (RecurrentLayer) network.layer(rnnIndex);
        this.x = x;
        this.sweep = sweep;
        this.hidden = hidden;
        this.rowsPerPass = rowsPerPass;
        this.budgetBytes = budgetBytes;
    }

    /**
     * Runs {@code ids} forward up to the recurrent layer {@code layer} (null: the first).
     *
     * @throws IllegalArgumentException for a model without a recurrent layer, an unknown or
     *     non-recurrent layer name, an empty sequence or padding ids
     */
    static HiddenStatePullBack prepare(Sequential network, String layer, int[] ids, int rowsPerPass,
                                       long budgetBytes) {
        int rnnIndex = recurrentLayerIndex(network, layer);
        RecurrentLayer rnn = (RecurrentLayer) network.layer(rnnIndex);
        checkIds(network, ids);
        int steps = ids.length;
        INDArray x = network.forward(Embedding.ids(new int[][] {ids}), ForwardContext.inference(), 0, 1).value();
        RecurrentChainSweep sweep = RecurrentChainSweep.trace(network, rnnIndex, x);
        List<INDArray> hs;
        if (sweep != null) {
            hs = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                hs.add(sweep.mapped().hidden(t));
            }
        } else {
            ForwardContext full = ForwardContext.inference();
            network.forward(Tensor.constant(x), full, 1, rnnIndex + 1);
            hs = full.states(rnn.name() + "/h").stream().map(Tensor::value).toList();
        }
        // h_t of all steps as one [T, H] matrix read once: T small reads would cost more than the copy
        INDArray stacked = Nd4j.concat(0, hs.toArray(new INDArray[0])).castTo(DataType.DOUBLE);
        double[][] hidden = stacked.reshape(steps, rnn.units()).toDoubleMatrix();
        return new HiddenStatePullBack(network, rnnIndex, x, sweep, hidden, rowsPerPass, budgetBytes);
    }

    /** T. */
    int steps() {
        return hidden.length;
    }

    /** The mapped recurrent layer. */
    RecurrentLayer layer() {
        return rnn;
    }

    /** h_t [H] in double precision (a copy). */
    double[] hidden(int t) {
        return hidden[t].clone();
    }

    /** All h_t as [T][H] (a copy). */
    double[][] hiddenStates() {
        double[][] c = new double[hidden.length][];
        for (int t = 0; t < c.length; t++) {
            c[t] = hidden[t].clone();
        }
        return c;
    }

    /** How the rows are computed: {@code reverse sweep} or {@code replicated tape}. */
    String method() {
        return sweep != null ? "reverse sweep" : "replicated tape";
    }

    /** The parameters a result records: layer, method, rows per pass, passes, budget. */
    Map<String, Object> parameters(String reduction, int passes) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("layer", rnn.name());
        params.put("reduce", reduction);
        params.put("method", method());
        params.put("rows_per_pass", rowsPerPass > 0 ? rowsPerPass : "auto");
        params.put("passes", passes);
        params.put("budget_bytes", budgetBytes);
        return params;
    }

    /**
     * Pulls back {@code rows} (any order) in passes within the budget; returns the passes run.
     * Progress counts rows.
     */
    int run(List<Row> rows, Seeds seeds, Columns out, ProgressListener progress, CancellationToken cancel) {
        List<Row> ascending = new ArrayList<>(rows);
        ascending.sort(Comparator.comparingInt(Row::t).thenComparingInt(Row::series));
        return sweep != null ? swept(ascending, seeds, out, progress, cancel)
                : replicated(ascending, seeds, out, progress, cancel);
    }

    private String rowsMessage(long done, long total) {
        return "hidden-state gradients of '" + rnn.name() + "': " + done + " of " + total + " rows";
    }

    /** Bands of rows, each band one reverse sweep. */
    private int swept(List<Row> rows, Seeds seeds, Columns out, ProgressListener progress,
                      CancellationToken cancel) {
        int total = rows.size();
        int k = rowsPerPass > 0 ? rowsPerPass
                : (int) Math.max(1, Math.min(total, budgetBytes / sweep.bytesPerRow(x.dataType().width())));
        int passes = 0;
        for (int from = 0; from < total; from += k) {
            cancel.throwIfCancelled();
            int to = Math.min(total, from + k);
            List<Row> band = new ArrayList<>(rows.subList(from, to));
            java.util.Collections.reverse(band);
            int before = from;
            int size = to - from;
            sweep.rows(band, seeds, out, cancel, (done, all) -> {
                long rowsDone = before + size * done / Math.max(1, all);
                progress.progress(rowsDone, total, rowsMessage(rowsDone, total));
            });
            passes++;
            progress.progress(to, total, rowsMessage(to, total));
        }
        return passes;
    }

    /** Chunks of rows from replicated sequences under one tape each (any layers before the mapped one). */
    private int replicated(List<Row> rows, Seeds seeds, Columns out, ProgressListener progress,
                           CancellationToken cancel) {
        int steps = steps();
        int total = rows.size();
        boolean causalPrefix = causalBetween(network, 1, rnnIndex);
        long bytesPerRowStep = (6L * rnn.units() * gates(rnn) + 2L * x.size(2)) * x.dataType().width();
        int from = 0;
        int passes = 0;
        while (from < total) {
            cancel.throwIfCancelled();
            int k = rowsPerPass > 0 ? rowsPerPass
                    : rowsFor(rows.get(from).t(), causalPrefix ? -1 : steps, bytesPerRowStep);
            int to = Math.min(total, from + k);
            List<Row> chunk = rows.subList(from, to);
            int length = causalPrefix ? chunk.get(chunk.size() - 1).t() + 1 : steps;
            computeRows(chunk, length, seeds, out);
            passes++;
            if (passes % GC_EVERY_PASSES == 0) {
                // Memory scope of a pass: ND4J frees a buffer's native memory only when its small Java
                // wrapper is collected, and the wrappers barely load the heap, so without a collection
                // each finished pass's tape (up to the budget in native memory) would linger and the
                // process would grow by a budget's worth per pass. Collecting here keeps the resident
                // size near one pass's budget.
                System.gc();
            }
            from = to;
            progress.progress(from, total, rowsMessage(from, total));
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
        while (k < HiddenStateGradients.MAX_ROWS_PER_PASS
                && (long) (k + 1) * (fullLength >= 0 ? fullLength : t0 + k + 1) <= budgetRowSteps) {
            k++;
        }
        return k;
    }

    /** One pass: K = {@code chunk.size()} replicas of x[:, :length], replica k seeded at its row's step. */
    private void computeRows(List<Row> chunk, int length, Seeds seeds, Columns out) {
        int k = chunk.size();
        INDArray prefix = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, length), NDArrayIndex.all());
        INDArray[] copies = new INDArray[k];
        Arrays.fill(copies, prefix);
        Tensor replicated = Tensor.constant(Nd4j.concat(0, copies));
        Tensor grad;
        int units = rnn.units();
        // One tape per chunk: its records (K × length steps) are the memory the budget bounds; they
        // are released when the gradient has been taken.
        try (GradientTape tape = GradientTape.open(false, false)) {
            tape.watch(replicated);
            ForwardContext ctx = ForwardContext.inference();
            network.forward(replicated, ctx, 1, rnnIndex + 1);
            List<Tensor> hs = ctx.states(rnn.name() + "/h");
            Tensor target = null;
            // one seed matrix per distinct step: the replicas of the rows at step t carry their seeds
            Map<Integer, double[]> byStep = new LinkedHashMap<>();
            for (int r = 0; r < k; r++) {
                Row row = chunk.get(r);
                double[] seed = byStep.computeIfAbsent(row.t(), t -> new double[k * units]);
                System.arraycopy(seeds.of(row.series(), row.t()), 0, seed, r * units, units);
            }
            for (Map.Entry<Integer, double[]> e : byStep.entrySet()) {
                Tensor m = Tensor.constant(Nd4j.create(e.getValue(), new long[] {k, units}, 'c')
                        .castTo(x.dataType()));
                Tensor part = Ops.sum(Ops.mul(hs.get(e.getKey()), m), false);
                target = target == null ? part : Ops.add(target, part);
            }
            grad = tape.gradient(target, replicated);
        }
        INDArray norms = grad.value().castTo(DataType.DOUBLE).norm2(2); // [K, length]
        double[][] values = norms.toDoubleMatrix();
        for (int r = 0; r < k; r++) {
            Row row = chunk.get(r);
            for (int s = 0; s < length; s++) {
                out.put(row.series(), row.t(), s, values[r][s]);
            }
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
