package io.gradlens.spark;

import io.gradlens.export.ExportJson;
import io.gradlens.workflow.shard.ClusterRunner;
import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.ShardFolder;
import io.gradlens.workflow.shard.ShardMerge;
import io.gradlens.workflow.shard.ShardRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a corpus job on Apache Spark: checks the job on the driver (the model, the data, the shard
 * count), maps shards 1..N over N partitions ({@link ShardTask}: one shard per task, written into
 * the shared folder {@code out}), reports each finished shard ({@link ShardProgress}), then merges on
 * the driver with {@link ShardMerge}, the code of {@code gradlens merge}. In {@code local[K]} mode
 * the executors are threads of this JVM; on a cluster {@code out}, the model and the datasets must be
 * on a file system every executor sees at the same path.
 */
public final class SparkClusterRunner implements ClusterRunner {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ShardMerge.Merged run(CorpusRequest request, Path out, String master, ShardRunner.Events events)
            throws Exception {
        ShardRunner.check(request);
        ShardFolder folder = new ShardFolder(out);
        Files.createDirectories(folder.dir());
        SparkConf conf = new SparkConf().setAppName("gradlens " + request.job());
        if (master != null) {
            conf.setMaster(master);
        }
        boolean local = conf.get("spark.master", "local").startsWith("local");
        if (local) {
            // in-process: no web UI, no name lookups of this host
            conf.set("spark.ui.enabled", "false");
            conf.set("spark.driver.host", "127.0.0.1");
            conf.set("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        // a task that fails twice fails the job: its message names the problem
        conf.setIfMissing("spark.task.maxFailures", "2");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            sc.sc().addSparkListener(new ShardProgress(request, folder, events));
            List<Integer> shards = IntStream.rangeClosed(1, request.shards()).boxed().toList();
            sc.parallelize(shards, request.shards())
                    .mapPartitions(new ShardTask(ExportJson.line(request.toMap()), folder.dir().toString()))
                    .collect();
        }
        return ShardMerge.merge(folder.dir());
    }
}
