package io.gradlens.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The order in which one round of the benchmark suite runs its workloads: {@code given} (the suite's
 * own order), {@code reverse}, or {@code shuffle[:seed]} (a new permutation each round, the same for
 * a given seed and round on every run and on both sides of the suite).
 *
 * <p>Why: a workload measured only after the same predecessors hides any effect those predecessors
 * leave in the process (thread pools still spinning, a grown heap, native memory), the in-process
 * decay of issue 15. Running the suite in several orders shows whether a workload keeps its
 * stand-alone speed whatever ran before it.
 *
 * <p>The shuffle is a Fisher–Yates shuffle driven by SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014), seeded with {@code seed + round}.
 * {@code bench/pytorch_peer.py} implements the same generator, so {@code --order shuffle:7} runs the
 * workloads of both sides in the same order.
 *
 * @param kind how to arrange the workloads
 * @param seed the shuffle's seed (ignored by the other kinds)
 */
public record BenchOrder(Kind kind, long seed) {

    /** The three arrangements. */
    public enum Kind {
        /** The suite's own order ({@link BenchmarkSuite#WORKLOADS}). */
        GIVEN,
        /** The suite's order reversed. */
        REVERSE,
        /** A seeded permutation, different in each round. */
        SHUFFLE
    }

    /** The suite's own order. */
    public static final BenchOrder GIVEN = new BenchOrder(Kind.GIVEN, 0);

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * Parses {@code given}, {@code reverse}, {@code shuffle} (seeded with {@code defaultSeed}) or
     * {@code shuffle:SEED}.
     *
     * @throws IllegalArgumentException naming the accepted forms, for anything else
     */
    public static BenchOrder parse(String text, long defaultSeed) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("given")) {
            return GIVEN;
        }
        if (t.equals("reverse")) {
            return new BenchOrder(Kind.REVERSE, 0);
        }
        if (t.equals("shuffle")) {
            return new BenchOrder(Kind.SHUFFLE, defaultSeed);
        }
        if (t.startsWith("shuffle:")) {
            try {
                return new BenchOrder(Kind.SHUFFLE, Long.parseLong(t.substring("shuffle:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--order shuffle:SEED needs an integer seed, got '" + text + "'");
            }
        }
        throw new IllegalArgumentException("unknown --order '" + text + "'; use given, reverse, shuffle or shuffle:SEED");
    }

    /** The workloads of round {@code round} (1-based) in this order; {@code names} is not changed. */
    public List<String> arrange(List<String> names, int round) {
        List<String> out = new ArrayList<>(names);
        switch (kind) {
            case GIVEN -> { }
            case REVERSE -> Collections.reverse(out);
            case SHUFFLE -> shuffle(out, seed + round);
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    /** Fisher–Yates from the last position down, j = next() mod (i + 1) taken unsigned. */
    private static void shuffle(List<String> list, long seed) {
        long state = seed;
        for (int i = list.size() - 1; i > 0; i--) {
            state += GOLDEN_GAMMA;
            int j = (int) Long.remainderUnsigned(mix(state), i + 1);
            Collections.swap(list, i, j);
        }
    }

    /** SplitMix64's output function. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The flag's text form, e.g. {@code shuffle:7}. */
    @Override
    public String toString() {
        return kind == Kind.SHUFFLE ? "shuffle:" + seed : kind.name().toLowerCase(Locale.ROOT);
    }
}
