package io.gradlens.explain;

import java.util.Locale;

/**
 * How an attribution vector (the embedding axis of one token, or the channels of one pixel)
 * becomes one score: {@code sum} (the default, as TensorFlow users write {@code
 * tf.reduce_sum(grad, axis=-1)}; signed, and the only choice under which integrated gradients are
 * complete per token), {@code l2} (the Euclidean norm, Li et al. 2016,
 * <a href="https://arxiv.org/abs/1506.01066">arXiv:1506.01066</a>) or {@code abs-sum} (the L1 norm).
 */
public enum Aggregation {
    /** Σ_e v_e. */
    SUM("sum"),
    /** √(Σ_e v_e²). */
    L2("l2"),
    /** Σ_e |v_e|. */
    ABS_SUM("abs-sum");

    private final String cliName;

    Aggregation(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in exports. */
    public String cliName() {
        return cliName;
    }

    /** The aggregation called {@code name} ({@code sum}, {@code l2}, {@code abs-sum}). */
    public static Aggregation fromCliName(String name) {
        for (Aggregation a : values()) {
            if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown aggregation '" + name + "'; use sum, l2 or abs-sum");
    }

    /** Reduces {@code values[from .. from + length)} to one score. */
    public double reduce(double[] values, int from, int length) {
        double acc = 0;
        for (int i = from; i < from + length; i++) {
            double v = values[i];
            acc += switch (this) {
                case SUM -> v;
                case L2 -> v * v;
                case ABS_SUM -> Math.abs(v);
            };
        }
        return this == L2 ? Math.sqrt(acc) : acc;
    }
}
