package io.gradlens.spark;

import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.Shard;
import io.gradlens.workflow.shard.ShardFolder;
import io.gradlens.workflow.shard.ShardManifest;
import io.gradlens.workflow.shard.ShardRunner;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Tells the driver's {@link ShardRunner.Events} about each shard as its task ends: task i runs
 * shard i+1, whose manifest in the shared folder says how many examples it held and how long it took
 * (a manifest older than this run means the shard was skipped).
 */
final class ShardProgress extends SparkListener {

    private final CorpusRequest request;
    private final ShardFolder folder;
    private final ShardRunner.Events events;
    private final Instant started = Instant.now();

    ShardProgress(CorpusRequest request, ShardFolder folder, ShardRunner.Events events) {
        this.request = request;
        this.folder = folder;
        this.events = events;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
            return;
        }
        Shard shard = new Shard(end.taskInfo().index() + 1, request.shards());
        try {
            Optional<ShardManifest> m = folder.finished(shard, request);
            if (m.isEmpty()) {
                return;
            }
            Object at = m.get().provenance().get("started");
            boolean skipped = at instanceof String s && Instant.parse(s).isBefore(started);
            Object seconds = m.get().provenance().get("seconds");
            events.finished(new ShardRunner.Outcome(shard, skipped, m.get().examples(),
                    skipped || !(seconds instanceof Number n) ? 0 : n.doubleValue(), folder.manifestFile(shard)));
        } catch (Exception e) {
            // progress only: the result is checked by the merge
        }
    }
}
