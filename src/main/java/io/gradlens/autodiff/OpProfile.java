package io.gradlens.autodiff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cheap per-operation-kind profile of the current thread: while started, the wall time between
 * one recorded operation's result and the next is charged to the next operation's name (its
 * ND4J calls run just before its result is recorded, so that interval is mostly its own work).
 * Time after the last operation (e.g. an optimizer's update) is reported as {@code (other)} by
 * {@link #stop()}.
 *
 * <p>Meant for benchmarks and diagnostics: with no profile started, {@link #charge} costs one
 * thread-local read.
 */
public final class OpProfile {

    /** Calls and total nanoseconds charged to one operation kind. */
    public record Entry(String op, long calls, long nanos) {
        /** Total milliseconds. */
        public double millis() {
            return nanos / 1e6;
        }
    }

    private static final ThreadLocal<OpProfile> ACTIVE = new ThreadLocal<>();

    private final Map<String, long[]> byOp = new LinkedHashMap<>();
    private long last;

    private OpProfile() {
        last = System.nanoTime();
    }

    /** Starts profiling the current thread (replacing a profile already running). */
    public static void start() {
        ACTIVE.set(new OpProfile());
    }

    /**
     * Stops profiling the current thread and returns the entries, largest time first; empty when
     * no profile was running.
     */
    public static List<Entry> stop() {
        OpProfile p = ACTIVE.get();
        ACTIVE.remove();
        List<Entry> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        p.add("(other)", System.nanoTime() - p.last);
        p.byOp.forEach((op, v) -> out.add(new Entry(op, v[0], v[1])));
        out.sort(Comparator.comparingLong(Entry::nanos).reversed());
        return out;
    }

    /** Charges the time since the previous operation to {@code op}, if a profile runs. */
    static void charge(String op) {
        OpProfile p = ACTIVE.get();
        if (p != null) {
            long now = System.nanoTime();
            p.add(op, now - p.last);
            p.last = now;
        }
    }

    private void add(String op, long nanos) {
        long[] v = byOp.computeIfAbsent(op, k -> new long[2]);
        v[0]++;
        v[1] += nanos;
    }
}
