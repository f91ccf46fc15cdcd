package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;

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
        List<String> shown = displayed(ids, tokens);
        HiddenStatePullBack pullBack = HiddenStatePullBack.prepare(network, layer, ids, rowsPerPass, budgetBytes);
        RecurrentLayer rnn = pullBack.layer();
        checkUnit(rnn, reduction);
        int steps = ids.length;
        double[] hidden = new double[steps];
        double[][] seeds = new double[steps][];
        List<HiddenStatePullBack.Row> rows = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            double[] h = pullBack.hidden(t);
            hidden[t] = reduction.apply(h);
            seeds[t] = reduction.seed(h);
            rows.add(new HiddenStatePullBack.Row(0, t));
        }
        double[][] map = new double[steps][steps];
        int passes = pullBack.run(rows, (series, t) -> seeds[t], (series, t, s, v) -> map[t][s] = v,
                progress, cancel);
        double[] curve = new double[steps];
        for (int t = 0; t < steps; t++) {
            double sq = 0;
            for (double v : map[t]) {
                sq += v * v;
            }
            curve[t] = Math.sqrt(sq);
        }
        return new HiddenStateGradientMap(shown, ids, rnn.name(), reduction.toString(), hidden, curve, map,
                pullBack.parameters(reduction.toString(), passes));
    }

    /** The tokens shown for {@code ids}: {@code tokens}, or the ids when null. */
    static List<String> displayed(int[] ids, List<String> tokens) {
        List<String> shown = tokens != null ? List.copyOf(tokens) : java.util.Arrays.stream(ids)
                .mapToObj(Integer::toString).toList();
        if (shown.size() != ids.length) {
            throw new IllegalArgumentException(shown.size() + " tokens for " + ids.length + " ids");
        }
        return shown;
    }

    /** Refuses a unit reduction whose unit the layer lacks. */
    static void checkUnit(RecurrentLayer rnn, HiddenReduction reduction) {
        if (reduction.kind().equals("unit")) {
            checkUnit(rnn, reduction.unit());
        }
    }

    /** Refuses a unit index the layer lacks. */
    static void checkUnit(RecurrentLayer rnn, int unit) {
        if (unit < 0 || unit >= rnn.units()) {
            throw new IllegalArgumentException("unit " + unit + " does not exist: layer '" + rnn.name()
                    + "' has " + rnn.units() + " units (0.." + (rnn.units() - 1) + ")");
        }
    }
}
