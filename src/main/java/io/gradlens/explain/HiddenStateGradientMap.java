package io.gradlens.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How strongly each hidden state of a recurrent layer depends on each earlier input, for one
 * sequence of T tokens: {@code map[t][s] = ‖∂r(h_t)/∂x_s‖₂} with r the {@link HiddenReduction} and
 * x_s the embedding output at step s; {@code curve[t] = ‖∂r(h_t)/∂x‖} over all steps (the
 * Frobenius norm of row t); {@code hidden[t] = r(h_t)}. When only recurrent or position-wise
 * layers (dense, activation, dropout) lie between the embedding and the mapped layer, entries with
 * s &gt; t are exactly zero (causality); a convolution with {@code same} padding lets h_t see a few
 * steps ahead, and the map shows it.
 *
 * @param tokens     the tokens
 * @param tokenIds   their ids
 * @param layer      the recurrent layer's name
 * @param reduction  the reduction, e.g. {@code mean}
 * @param hidden     r(h_t) per step
 * @param curve      ‖∂r(h_t)/∂x‖ per step
 * @param map        the T×T map, row t = hidden state, column s = input step
 * @param parameters how the map was computed (rows per pass, …)
 */
public record HiddenStateGradientMap(List<String> tokens, int[] tokenIds, String layer, String reduction,
                                     double[] hidden, double[] curve, double[][] map,
                                     Map<String, Object> parameters) {

    public HiddenStateGradientMap {
        tokens = List.copyOf(tokens);
        tokenIds = tokenIds.clone();
        hidden = hidden.clone();
        curve = curve.clone();
        map = deepCopy(map);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        int t = tokenIds.length;
        if (tokens.size() != t || hidden.length != t || curve.length != t || map.length != t) {
            throw new IllegalArgumentException("tokens, ids, hidden, curve and map must all have " + t + " steps");
        }
    }

    /** A copy of every row of {@code m}. */
    static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Number of steps T. */
    public int steps() {
        return tokenIds.length;
    }

    /** {@code map[t][s]}. */
    public double at(int t, int s) {
        return map[t][s];
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    @Override
    public double[] hidden() {
        return hidden.clone();
    }

    @Override
    public double[] curve() {
        return curve.clone();
    }

    @Override
    public double[][] map() {
        return deepCopy(map);
    }
}
