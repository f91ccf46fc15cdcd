package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Hidden-state gradients unit by unit, the per-unit view of LSTMVis (Strobelt et al. 2018,
 * <a href="https://doi.org/10.1109/TVCG.2017.2744158">IEEE TVCG 24(1)</a>) joined to the
 * gradient-over-time view of {@link HiddenStateGradients}: for each selected unit u of a recurrent
 * layer its activation h_t,u and its curve ‖∂h_t,u/∂x‖ per step. The units are chosen, or the
 * top k of the sequence by mean absolute activation or by the gradient of the last hidden state
 * ({@link HiddenUnitSelection.Ranking}).
 *
 * <p>The work is batched: one forward pass; all rows of all selected units (U × T rows, each the
 * pull-back of a one-hot seed e_u at step t) go through the same reverse sweeps, U rows entering
 * at each step, within the memory budget ({@link HiddenStatePullBack}); ranking by gradient is
 * one more batch of H rows, all seeded at the last step.
 */
public final class HiddenUnits {

    private final String layer;
    private final int rowsPerPass;
    private final long budgetBytes;

    /**
     * @param layer       the recurrent layer's name, or {@code null} for the first recurrent layer
     * @param rowsPerPass rows per backward pass; 0 chooses them from {@code budgetBytes}
     * @param budgetBytes the memory budget of one pass when the rows are chosen automatically
     */
    public HiddenUnits(String layer, int rowsPerPass, long budgetBytes) {
        if (rowsPerPass < 0) {
            throw new IllegalArgumentException("rows per pass must be ≥ 0 (0 = automatic), got " + rowsPerPass);
        }
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("the memory budget must be positive, got " + budgetBytes);
        }
        this.layer = layer;
        this.rowsPerPass = rowsPerPass;
        this.budgetBytes = budgetBytes;
    }

    /**
     * The selected units' curves and, from the same rows, the whole map of the first of them
     * (‖∂h_t,u/∂x_s‖, as {@link HiddenStateGradients} with {@link HiddenReduction#unit} gives it).
     *
     * @param units    the units' activations and curves
     * @param firstMap the map of {@code units.units()[0]}
     */
    public record Result(HiddenUnitCurves units, HiddenStateGradientMap firstMap) {
    }

    /** The units of one text of a text classifier. */
    public HiddenUnitCurves attribute(Classifier model, String text, HiddenUnitSelection selection,
                                      ProgressListener progress, CancellationToken cancel) {
        return withMap(model, text, selection, progress, cancel).units();
    }

    /** The units of one text of a text classifier, with the first unit's map. */
    public Result withMap(Classifier model, String text, HiddenUnitSelection selection,
                          ProgressListener progress, CancellationToken cancel) {
        AttributionInputs.Tokens t = AttributionInputs.texts(model, List.of(text));
        return withMap(model.network(), t.ids().get(0), t.tokens().get(0), selection, progress, cancel);
    }

    /**
     * The units of one token sequence.
     *
     * @param tokens the tokens for display, or null to show the ids
     * @throws IllegalArgumentException as {@link HiddenStateGradients#attribute}, and for a unit
     *     the layer lacks or a top k larger than its units
     */
    public HiddenUnitCurves attribute(Sequential network, int[] ids, List<String> tokens,
                                      HiddenUnitSelection selection, ProgressListener progress,
                                      CancellationToken cancel) {
        return withMap(network, ids, tokens, selection, progress, cancel).units();
    }

    /** As {@link #attribute(Sequential, int[], List, HiddenUnitSelection, ProgressListener, CancellationToken)}, with the first unit's map. */
    public Result withMap(Sequential network, int[] ids, List<String> tokens, HiddenUnitSelection selection,
                          ProgressListener progress, CancellationToken cancel) {
        List<String> shown = HiddenStateGradients.displayed(ids, tokens);
        HiddenStatePullBack pullBack = HiddenStatePullBack.prepare(network, layer, ids, rowsPerPass, budgetBytes);
        RecurrentLayer rnn = pullBack.layer();
        int steps = pullBack.steps();
        double[][] states = pullBack.hiddenStates();
        double[] scores = new double[0];
        int[] units;
        if (selection.ranked()) {
            if (selection.top() > rnn.units()) {
                throw new IllegalArgumentException("top " + selection.top() + " units asked, but layer '"
                        + rnn.name() + "' has " + rnn.units());
            }
            scores = selection.rankBy() == HiddenUnitSelection.Ranking.ACTIVATION ? activationScores(states)
                    : lastStepGradients(pullBack, progress, cancel);
            units = top(scores, selection.top());
        } else {
            units = selection.units().stream().mapToInt(Integer::intValue).toArray();
            for (int u : units) {
                HiddenStateGradients.checkUnit(rnn, u);
            }
        }
        int count = units.length;
        double[][] hidden = new double[count][steps];
        List<HiddenStatePullBack.Row> rows = new ArrayList<>(count * steps);
        for (int i = 0; i < count; i++) {
            for (int t = 0; t < steps; t++) {
                hidden[i][t] = states[t][units[i]];
                rows.add(new HiddenStatePullBack.Row(i, t));
            }
        }
        double[][] squares = new double[count][steps];
        double[][] firstMap = new double[steps][steps];
        int[] chosen = units;
        int passes = pullBack.run(rows, (i, t) -> oneHot(rnn.units(), chosen[i]), (i, t, s, v) -> {
            squares[i][t] += v * v;
            if (i == 0) {
                firstMap[t][s] = v;
            }
        }, progress, cancel);
        for (double[] row : squares) {
            for (int t = 0; t < steps; t++) {
                row[t] = Math.sqrt(row[t]);
            }
        }
        String first = HiddenReduction.unit(units[0]).toString();
        return new Result(new HiddenUnitCurves(shown, rnn.name(), units, hidden, squares, selection.rankBy(), scores),
                new HiddenStateGradientMap(shown, ids, rnn.name(), first, hidden[0], squares[0], firstMap,
                        pullBack.parameters(first, passes)));
    }

    /** ‖∂h_{T−1,u}/∂x‖ for every unit u: H rows, all seeded at the last step, in one batch. */
    private static double[] lastStepGradients(HiddenStatePullBack pullBack, ProgressListener progress,
                                              CancellationToken cancel) {
        int units = pullBack.layer().units();
        int last = pullBack.steps() - 1;
        List<HiddenStatePullBack.Row> rows = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            rows.add(new HiddenStatePullBack.Row(u, last));
        }
        double[] squares = new double[units];
        pullBack.run(rows, (u, t) -> oneHot(units, u), (u, t, s, v) -> squares[u] += v * v, progress, cancel);
        for (int u = 0; u < units; u++) {
            squares[u] = Math.sqrt(squares[u]);
        }
        return squares;
    }

    /** (1/T) Σ_t |h_t,u| for every unit u of {@code hidden} [T][H]. */
    static double[] activationScores(double[][] hidden) {
        int units = hidden[0].length;
        double[] scores = new double[units];
        for (double[] h : hidden) {
            for (int u = 0; u < units; u++) {
                scores[u] += Math.abs(h[u]);
            }
        }
        for (int u = 0; u < units; u++) {
            scores[u] /= hidden.length;
        }
        return scores;
    }

    /** The {@code k} indices of the largest scores, largest first; ties go to the lower index. */
    static int[] top(double[] scores, int k) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> scores[u]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double[] oneHot(int size, int index) {
        double[] e = new double[size];
        e[index] = 1;
        return e;
    }
}
