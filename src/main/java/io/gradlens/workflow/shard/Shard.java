package io.gradlens.workflow.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shard {@code index} of {@code count} of a corpus job: the contiguous block of example indices
 * {@code [⌊(K−1)·n/N⌋, ⌊K·n/N⌋)} of the n selected examples, so the same K/N always covers the same
 * examples and the N shards cover each example exactly once. Written {@code K/N} with K from 1.
 *
 * @param index K, 1 ≤ K ≤ N
 * @param count N ≥ 1
 */
public record Shard(int index, int count) {

    /** The most shards one job may have (the file names carry four digits). */
    public static final int MAX_COUNT = 9999;

    public Shard {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the shard count must be 1.." + MAX_COUNT + ", got " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: K must be 1.."
                    + count);
        }
    }

    /** The example indices {@code [from, to)} of one shard. */
    public record Range(int from, int to) {
        /** Examples in the range. */
        public int size() {
            return to - from;
        }
    }

    /**
     * Parses {@code K/N}.
     *
     * @throws IllegalArgumentException naming the option for anything else
     */
    public static Shard parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--shard must be K/N (e.g. 2/8) or all/N, got '" + text + "'");
    }

    /** All shards 1/N … N/N. */
    public static List<Shard> all(int count) {
        List<Shard> shards = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            shards.add(new Shard(k, count));
        }
        return shards;
    }

    /** This shard's block of {@code size} examples. */
    public Range range(int size) {
        return new Range((int) ((long) (index - 1) * size / count), (int) ((long) index * size / count));
    }

    /** The stem of this shard's files, e.g. {@code shard-0002-of-0008}. */
    public String stem() {
        return String.format(Locale.ROOT, "shard-%04d-of-%04d", index, count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
