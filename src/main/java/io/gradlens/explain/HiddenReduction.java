package io.gradlens.explain;

import java.util.Locale;

/**
 * The scalar of a hidden state h_t [H] whose input gradient a hidden-state map shows: the mean
 * over units (the default), one unit k, or the Euclidean norm ‖h_t‖.
 *
 * @param kind {@code mean}, {@code unit} or {@code norm}
 * @param unit the unit for {@code unit}, else -1
 */
public record HiddenReduction(String kind, int unit) {

    public HiddenReduction {
        if (!kind.equals("mean") && !kind.equals("unit") && !kind.equals("norm")) {
            throw new IllegalArgumentException("unknown reduction '" + kind + "'; use mean, norm or unit:K");
        }
        if (kind.equals("unit") && unit < 0) {
            throw new IllegalArgumentException("a unit index must be ≥ 0, got " + unit);
        }
    }

    /** (1/H) Σ_u h_t,u. */
    public static HiddenReduction mean() {
        return new HiddenReduction("mean", -1);
    }

    /** ‖h_t‖₂. */
    public static HiddenReduction norm() {
        return new HiddenReduction("norm", -1);
    }

    /** h_t,k. */
    public static HiddenReduction unit(int k) {
        return new HiddenReduction("unit", k);
    }

    /** Parses {@code mean}, {@code norm} or {@code unit:K}. */
    public static HiddenReduction parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("mean")) {
            return mean();
        }
        if (s.equals("norm")) {
            return norm();
        }
        if (s.startsWith("unit:")) {
            try {
                return unit(Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not unit:K with an integer K");
            }
        }
        throw new IllegalArgumentException("unknown reduction '" + text + "'; use mean, norm or unit:K");
    }

    /** The value r(h) of one hidden state. */
    double apply(double[] h) {
        return switch (kind) {
            case "mean" -> {
                double s = 0;
                for (double v : h) {
                    s += v;
                }
                yield s / h.length;
            }
            case "unit" -> h[unit];
            default -> {
                double s = 0;
                for (double v : h) {
                    s += v * v;
                }
                yield Math.sqrt(s);
            }
        };
    }

    /** ∂r/∂h at h: the seed of the vector-Jacobian product. */
    double[] seed(double[] h) {
        double[] g = new double[h.length];
        switch (kind) {
            case "mean" -> java.util.Arrays.fill(g, 1.0 / h.length);
            case "unit" -> g[unit] = 1.0;
            default -> {
                double n = apply(h);
                for (int i = 0; i < h.length && n > 0; i++) {
                    g[i] = h[i] / n;
                }
            }
        }
        return g;
    }

    @Override
    public String toString() {
        return kind.equals("unit") ? "unit:" + unit : kind;
    }
}
