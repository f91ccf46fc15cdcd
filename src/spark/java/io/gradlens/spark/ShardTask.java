package io.gradlens.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.autodiff.Engine;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.Shard;
import io.gradlens.workflow.shard.ShardFolder;
import io.gradlens.workflow.shard.ShardRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * What one Spark task runs on its executor: the shards of its partition, each with
 * {@link ShardRunner#run} into the shared job folder (a finished shard is skipped, so a retried or
 * resumed task redoes only what is missing). The request travels as JSON; the model and the data are
 * opened once per executor JVM ({@code CorpusJobs} keeps them), and ND4J/OpenBLAS run one thread per
 * task ({@link Engine#configure(int)} with 1), the executor's cores being shared among its tasks.
 * Returns one line per shard: {@code K/N skipped|done EXAMPLES SECONDS}.
 */
final class ShardTask implements FlatMapFunction<Iterator<Integer>, String> {

    private static final long serialVersionUID = 1L;
    private static volatile boolean configured;

    private final String request;
    private final String folder;

    ShardTask(String request, String folder) {
        this.request = request;
        this.folder = folder;
    }

    @Override
    public Iterator<String> call(Iterator<Integer> shards) throws Exception {
        singleThreaded();
        CorpusRequest r = CorpusRequest.fromMap(new ObjectMapper().readValue(request, Map.class));
        List<String> out = new ArrayList<>();
        while (shards.hasNext()) {
            Shard shard = new Shard(shards.next(), r.shards());
            ShardRunner.Outcome o = ShardRunner.run(r, shard, new ShardFolder(Path.of(folder)), ShardRunner.QUIET,
                    CancellationToken.NONE);
            out.add(shard + " " + (o.skipped() ? "skipped" : "done") + " " + o.examples() + " " + o.seconds());
        }
        return out.iterator();
    }

    /** One ND4J and OpenBLAS thread per task, set once per JVM. */
    private static void singleThreaded() {
        if (!configured) {
            synchronized (ShardTask.class) {
                if (!configured) {
                    Engine.configure(1);
                    configured = true;
                }
            }
        }
    }
}
