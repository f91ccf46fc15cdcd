package io.gradlens.explain;

import java.util.List;

/**
 * Hidden states and gradient curves of single units of a recurrent layer over one sequence: for
 * each selected unit u, {@code hidden[i][t] = h_t,u} and {@code curve[i][t] = ‖∂h_t,u/∂x‖}, the
 * Frobenius norm over all input steps (row t of unit u's map, as {@link HiddenStateGradientMap#curve()}
 * is for one reduction). When the units were ranked, {@code scores} holds every unit's score (index
 * = unit) and the units are the highest, best first.
 *
 * @param tokens  the tokens
 * @param layer   the recurrent layer
 * @param units   the selected units, in display order
 * @param hidden  h_t,u per selected unit and step
 * @param curve   ‖∂h_t,u/∂x‖ per selected unit and step
 * @param rankBy  the ranking, null when the units were chosen
 * @param scores  every unit's ranking score, empty when the units were chosen
 */
public record HiddenUnitCurves(List<String> tokens, String layer, int[] units, double[][] hidden,
                               double[][] curve, HiddenUnitSelection.Ranking rankBy, double[] scores) {

    public HiddenUnitCurves {
        tokens = List.copyOf(tokens);
        units = units.clone();
        hidden = HiddenStateGradientMap.deepCopy(hidden);
        curve = HiddenStateGradientMap.deepCopy(curve);
        scores = scores.clone();
        if (hidden.length != units.length || curve.length != units.length) {
            throw new IllegalArgumentException("one hidden and one gradient curve per unit");
        }
        for (int i = 0; i < units.length; i++) {
            if (hidden[i].length != tokens.size() || curve[i].length != tokens.size()) {
                throw new IllegalArgumentException("unit " + units[i] + "'s curves must have " + tokens.size()
                        + " steps");
            }
        }
    }

    /** Number of steps T. */
    public int steps() {
        return tokens.size();
    }

    /** h_t,u of the i-th selected unit. */
    public double[] hidden(int i) {
        return hidden[i].clone();
    }

    /** ‖∂h_t,u/∂x‖ of the i-th selected unit. */
    public double[] curve(int i) {
        return curve[i].clone();
    }

    @Override
    public int[] units() {
        return units.clone();
    }

    @Override
    public double[][] hidden() {
        return HiddenStateGradientMap.deepCopy(hidden);
    }

    @Override
    public double[][] curve() {
        return HiddenStateGradientMap.deepCopy(curve);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }
}
