package io.gradlens.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who used the processors while a workload was timed: this process, thread by thread, and the rest
 * of the machine. Read from Linux' {@code /proc} (per-thread {@code schedstat}, nanoseconds of CPU;
 * {@code /proc/stat}, the machine's busy and stolen time), so that a slow timing can be told apart
 * into "other processes held the cores" (load, not ours) and "threads of our own competed with the
 * work" (oversubscription inside the process, such as a thread pool spinning after its last task).
 * Elsewhere the figures are absent.
 *
 * @param wallNanos    when the snapshot was taken ({@link System#nanoTime()})
 * @param threadNanos  CPU time of each thread of this process so far, by {@code tid}
 * @param threadNames  each thread's name ({@code comm}), by {@code tid}
 * @param machineBusy  the machine's busy time so far, in clock ticks (all cores; idle, iowait and steal excluded)
 * @param machineSteal the machine's stolen time so far, in clock ticks
 */
record CpuUsage(long wallNanos, Map<Integer, Long> threadNanos, Map<Integer, String> threadNames,
                long machineBusy, long machineSteal) {

    /** Linux' fixed {@code USER_HZ}, the unit of {@code /proc/stat}. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** A snapshot now. */
    static CpuUsage now() {
        Map<Integer, Long> nanos = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                try {
                    int tid = Integer.parseInt(t.getFileName().toString());
                    String sched = Files.readString(t.resolve("schedstat")).trim();
                    nanos.put(tid, Long.parseLong(sched.substring(0, sched.indexOf(' '))));
                    names.put(tid, Files.readString(t.resolve("comm")).trim());
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile, or no schedstat: skip it
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        long busy = -1;
        long steal = -1;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]) - steal;
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new CpuUsage(System.nanoTime(), nanos, names, busy, steal);
    }

    /**
     * What happened between {@code before} and this snapshot, for a record's {@code extra}:
     * {@code cpu_cores_used} (this process' CPU time over wall time), {@code process_cpu_ms}, {@code other_busy_cores_during}
     * (the rest of the machine), {@code steal_cores_during}, {@code busiest_threads_ms} (the four
     * threads of this process that used most CPU, {@code name#tid}) and {@code threads_alive}.
     * Empty where {@code /proc} could not be read.
     */
    Map<String, Object> since(CpuUsage before) {
        Map<String, Object> m = new LinkedHashMap<>();
        double wall = (wallNanos - before.wallNanos) / 1e9;
        if (threadNanos.isEmpty() || wall <= 0) {
            return m;
        }
        long ours = 0;
        List<Map.Entry<Integer, Long>> used = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : threadNanos.entrySet()) {
            long d = e.getValue() - before.threadNanos.getOrDefault(e.getKey(), 0L);
            ours += d;
            used.add(Map.entry(e.getKey(), d));
        }
        m.put("cpu_cores_used", round2(ours / 1e9 / wall));
        m.put("process_cpu_ms", Math.round(ours / 1e6));
        if (machineBusy >= 0 && before.machineBusy >= 0) {
            double busy = (machineBusy - before.machineBusy) / TICKS_PER_SECOND;
            m.put("other_busy_cores_during", round2(Math.max(0, busy - ours / 1e9) / wall));
            m.put("steal_cores_during", round2((machineSteal - before.machineSteal) / TICKS_PER_SECOND / wall));
        }
        used.sort(Map.Entry.<Integer, Long>comparingByValue().reversed());
        Map<String, Object> busiest = new LinkedHashMap<>();
        for (Map.Entry<Integer, Long> e : used.subList(0, Math.min(4, used.size()))) {
            busiest.put(threadNames.get(e.getKey()) + "#" + e.getKey(), Math.round(e.getValue() / 1e6));
        }
        m.put("busiest_threads_ms", busiest);
        m.put("threads_alive", threadNanos.size());
        return m;
    }

    /**
     * The CPU time, in ms, that each thread of this process used since {@code before}, the busiest
     * first, threads that used less than 1 ms left out: while the calling thread sleeps, this is what
     * the thread pools spend spinning for work that is not coming.
     */
    Map<String, Long> threadMillisSince(CpuUsage before) {
        List<Map.Entry<Integer, Long>> used = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : threadNanos.entrySet()) {
            long d = e.getValue() - before.threadNanos.getOrDefault(e.getKey(), 0L);
            if (d >= 1_000_000L) {
                used.add(Map.entry(e.getKey(), d));
            }
        }
        used.sort(Map.Entry.<Integer, Long>comparingByValue().reversed());
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Long> e : used) {
            out.put(threadNames.get(e.getKey()) + "#" + e.getKey(), Math.round(e.getValue() / 1e6));
        }
        return out;
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
