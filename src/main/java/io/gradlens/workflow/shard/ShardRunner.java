package io.gradlens.workflow.shard;

import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.RuntimeVersions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs shards of a corpus job into a {@link ShardFolder}, skipping those already finished there: the
 * same code runs a single {@code --shard K/N} from the command line, all shards one after another in
 * one process, or one shard per Spark task.
 */
public final class ShardRunner {

    /** What happened to one shard. */
    public record Outcome(Shard shard, boolean skipped, int examples, double seconds, Path manifest) {
    }

    /** Hears about each shard as it runs (called on the running thread). */
    public interface Events {
        /** Shard {@code shard} starts on {@code range}. */
        default void started(Shard shard, Shard.Range range) {
        }

        /** Progress within a shard, in examples. */
        default void progress(Shard shard, long done, long total, String message) {
        }

        /** A shard was finished or skipped. */
        default void finished(Outcome outcome) {
        }
    }

    /** Hears nothing. */
    public static final Events QUIET = new Events() {
    };

    private ShardRunner() {
    }

    /**
     * Runs every shard in {@code shards} that {@code folder} does not hold finished yet.
     *
     * @throws IllegalArgumentException when a shard of another job is in the folder, or the shard
     *     count exceeds the examples
     */
    public static List<Outcome> runAll(CorpusRequest request, List<Shard> shards, ShardFolder folder, Events events,
                                       CancellationToken cancel) throws Exception {
        List<Outcome> out = new ArrayList<>();
        for (Shard s : shards) {
            out.add(run(request, s, folder, events, cancel));
        }
        return out;
    }

    /** Runs one shard unless it is finished; see {@link #runAll}. */
    public static Outcome run(CorpusRequest request, Shard shard, ShardFolder folder, Events events,
                              CancellationToken cancel) throws Exception {
        if (shard.count() != request.shards()) {
            throw new IllegalArgumentException("shard " + shard + " does not belong to a job of " + request.shards()
                    + " shards");
        }
        var done = folder.finished(shard, request);
        if (done.isPresent()) {
            Outcome o = new Outcome(shard, true, done.get().examples(), 0, folder.manifestFile(shard));
            events.finished(o);
            return o;
        }
        CorpusJob job = CorpusJobs.open(request);
        int n = check(request);
        Shard.Range range = shard.range(n);
        events.started(shard, range);
        long started = System.nanoTime();
        Instant at = Instant.now();
        List<ShardArray> arrays = job.run(range,
                (d, total, message) -> events.progress(shard, d, total, message), cancel);
        cancel.throwIfCancelled();
        double seconds = (System.nanoTime() - started) / 1e9;
        folder.write(request, shard, range, arrays, provenance(at, seconds));
        Outcome o = new Outcome(shard, false, range.size(), seconds, folder.manifestFile(shard));
        events.finished(o);
        return o;
    }

    /**
     * Opens the job here (the model, the data, the examples) and checks that every shard gets at least
     * one example; returns the number of examples. A cluster runner calls it on the driver first, so
     * bad input fails at the door rather than on an executor.
     *
     * @throws IllegalArgumentException for a job that cannot run here or more shards than examples
     */
    public static int check(CorpusRequest request) throws IOException {
        int n = CorpusJobs.open(request).size();
        if (request.shards() > n) {
            throw new IllegalArgumentException(request.shards() + " shards for " + n + " examples: use at most " + n
                    + " shards");
        }
        return n;
    }

    private static Map<String, Object> provenance(Instant started, double seconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gradlens", RuntimeVersions.gradlens());
        p.put("nd4j", RuntimeVersions.nd4j());
        p.put("java", RuntimeVersions.java());
        p.put("os", RuntimeVersions.os());
        p.put("host", host());
        p.put("started", started.toString());
        p.put("seconds", seconds);
        return p;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
