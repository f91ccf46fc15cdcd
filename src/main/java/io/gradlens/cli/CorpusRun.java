package io.gradlens.cli;

import io.gradlens.export.ExportJson;
import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.Shard;
import io.gradlens.workflow.shard.ShardFolder;
import io.gradlens.workflow.shard.ShardMerge;
import io.gradlens.workflow.shard.ShardRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@code --shard K/N} or {@code all/N} of a {@link CorpusCommand} with {@link ShardRunner}: a
 * progress bar per shard and one line per finished or skipped shard on standard error, a JSON
 * summary on standard output.
 */
final class CorpusRun {

    private CorpusRun() {
    }

    /** Runs the shards {@code spec} names; returns the exit code. */
    static int run(String command, CorpusCommand job, String spec, PrintWriter out, PrintWriter err) throws Exception {
        boolean all = spec.strip().startsWith("all/");
        Shard one = all ? null : Shard.parse(spec);
        int count = all ? allCount(spec) : one.count();
        CorpusRequest request = job.corpusRequest(count);
        ShardFolder folder = new ShardFolder(job.corpusFolder());
        List<Shard> shards = all ? Shard.all(count) : List.of(one);
        Events events = new Events(command, err);
        List<ShardRunner.Outcome> outcomes;
        try {
            outcomes = ShardRunner.runAll(request, shards, folder, events, Interrupt.token());
        } finally {
            events.bar.clear();
        }
        ShardMerge.Merged merged = all ? ShardMerge.merge(folder.dir()) : null;
        if (merged != null) {
            err.println(command + ": merged " + merged.shards() + " shards (" + merged.examples() + " examples) into "
                    + merged.manifest());
        }
        out.println(ExportJson.line(summary(request, outcomes, merged)));
        return 0;
    }

    /** N of {@code all/N}. */
    private static int allCount(String spec) {
        try {
            return new Shard(1, Integer.parseInt(spec.strip().substring(4).strip())).count();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be K/N (e.g. 2/8) or all/N, got '" + spec + "'");
        }
    }

    /** The JSON summary of a run. */
    static Map<String, Object> summary(CorpusRequest request, List<ShardRunner.Outcome> outcomes,
                                       ShardMerge.Merged merged) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", request.job());
        List<Map<String, Object>> list = new ArrayList<>();
        for (ShardRunner.Outcome o : outcomes) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("shard", o.shard().toString());
            s.put("skipped", o.skipped());
            s.put("examples", o.examples());
            s.put("seconds", o.seconds());
            s.put("manifest", o.manifest().toString());
            list.add(s);
        }
        m.put("shards", list);
        m.put("merged", merged == null ? null : merged.manifest().toString());
        return m;
    }

    /** The per-shard lines and the progress bar on standard error. */
    static final class Events implements ShardRunner.Events {
        private final String command;
        private final PrintWriter err;
        final ProgressBar bar;

        Events(String command, PrintWriter err) {
            this.command = command;
            this.err = err;
            this.bar = new ProgressBar(err, command);
        }

        @Override
        public void progress(Shard shard, long done, long total, String message) {
            bar.update(done, total, "shard " + shard + ": " + message);
        }

        @Override
        public synchronized void finished(ShardRunner.Outcome o) {
            bar.clear();
            err.println(line(command, o));
        }

        static String line(String command, ShardRunner.Outcome o) {
            return o.skipped()
                    ? command + ": shard " + o.shard() + " already finished (" + o.examples() + " examples), skipped"
                    : String.format(Locale.ROOT, "%s: shard %s finished: %d examples in %.2f s (%.2f s each) → %s",
                    command, o.shard(), o.examples(), o.seconds(), o.seconds() / Math.max(1, o.examples()),
                    o.manifest());
        }
    }

    /** The folder of --out, required for a corpus job. */
    static Path folder(Path out, String command) {
        if (out == null) {
            throw new IllegalArgumentException(command + " with --shard needs --out FOLDER (the job folder of shards)");
        }
        return out;
    }
}
