package io.gradlens.app.service;

import java.util.List;
import java.util.Objects;

/**
 * Hidden-state gradients of one token sequence of T steps, as the workbench shows them.
 *
 * @param tokens the tokens, in reading order
 * @param layer the recurrent layer's name
 * @param reduction the scalar r of h_t, e.g. {@code mean} (mean over units)
 * @param hidden r(h_t) per step
 * @param curve c[t] = ‖∂r(h_t)/∂x‖ per step
 * @param map G[t][s] = ‖∂r(h_t)/∂x_s‖₂, row t = hidden state, column s = input step
 */
public record HiddenStateResult(List<String> tokens, String layer, String reduction,
    double[] hidden, double[] curve, double[][] map) {

  /** Checks that every part has T steps and copies the arrays. */
  public HiddenStateResult {
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(reduction, "reduction");
    int t = tokens.size();
    if (hidden.length != t || curve.length != t || map.length != t) {
      throw new IllegalArgumentException("tokens (" + t + "), hidden (" + hidden.length
          + "), curve (" + curve.length + ") and map rows (" + map.length + ") must agree");
    }
    for (int i = 0; i < t; i++) {
      if (map[i].length != t) {
        throw new IllegalArgumentException("map row " + i + " has " + map[i].length
            + " columns, expected " + t);
      }
    }
    hidden = hidden.clone();
    curve = curve.clone();
    map = deepCopy(map);
  }

  private static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  /** @return T */
  public int steps() {
    return tokens.size();
  }

  /** @return G[t][s] without copying */
  public double at(int t, int s) {
    return map[t][s];
  }

  /** @return a copy of row t of the map */
  public double[] row(int t) {
    return map[t].clone();
  }

  /** @return a copy of r(h_t) */
  @Override
  public double[] hidden() {
    return hidden.clone();
  }

  /** @return a copy of c[t] */
  @Override
  public double[] curve() {
    return curve.clone();
  }

  /** @return a deep copy of the map */
  @Override
  public double[][] map() {
    return deepCopy(map);
  }
}
