package io.gradlens.workflow.shard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One float64 array of a shard's output with the rule that merges it with the other shards' copies:
 * {@link Rule#SUM} for sums and counts (zero-padded to the largest shape, so sums over sequences of
 * different lengths stay exact), {@link Rule#CONCAT} for per-example rows (stacked along the first
 * axis in shard order, later axes zero-padded to the largest), {@link Rule#SAME} for what every
 * shard must hold identically (kept once).
 *
 * @param name  the array's name, also its file name without {@code .npy}
 * @param shape its shape (row-major)
 * @param data  its values, {@code product(shape)} of them
 * @param rule  how shards combine
 */
public record ShardArray(String name, long[] shape, double[] data, Rule rule) {

    /** How copies of an array from several shards combine. */
    public enum Rule {
        /** Element-wise sum, zero-padded to the largest shape. */
        SUM,
        /** Stacked along axis 0 in shard order, later axes zero-padded to the largest. */
        CONCAT,
        /** The same in every shard (e.g. the model's last layer): checked, kept once. */
        SAME;

        /** The manifest's spelling. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@link #label()}. */
        public static Rule parse(String s) {
            for (Rule r : values()) {
                if (r.label().equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown merge rule '" + s + "'");
        }
    }

    public ShardArray {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("array names are lower-case words, got '" + name + "'");
        }
        shape = shape.clone();
        Objects.requireNonNull(rule, "rule");
        if (elements(shape) != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds "
                    + elements(shape) + " values, got " + data.length);
        }
    }

    /** A vector. */
    public static ShardArray vector(String name, double[] values, Rule rule) {
        return new ShardArray(name, new long[] {values.length}, values, rule);
    }

    /** A matrix from rows of equal length ({@code width} columns; no rows gives shape [0, width]). */
    public static ShardArray matrix(String name, double[][] rows, int width, Rule rule) {
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(name + ": row " + i + " has " + rows[i].length + " values, not "
                        + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return new ShardArray(name, new long[] {rows.length, width}, flat, rule);
    }

    /** The number of values a shape holds. */
    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    /** The values without a copy, for the merge. */
    double[] values() {
        return data;
    }
}
