package io.gradlens.workflow.shard;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Runs all shards of a corpus job on a cluster framework and merges them with {@link ShardMerge}.
 * Implementations are found with {@link ServiceLoader}: the Spark runner lives in a source folder
 * built only with Maven's {@code -Pspark} profile, so the desktop build carries no Spark.
 */
public interface ClusterRunner {

    /** The runner's name, e.g. {@code spark}. */
    String name();

    /**
     * Runs every shard of {@code request} that {@code out} does not hold finished yet, one per task,
     * then merges.
     *
     * @param master the cluster to use ({@code local[2]}, {@code spark://host:7077}, {@code yarn}), or
     *               null for the one the launcher configured ({@code spark-submit --master})
     * @param events hears each shard's end on the driver
     */
    ShardMerge.Merged run(CorpusRequest request, Path out, String master, ShardRunner.Events events) throws Exception;

    /** The runner called {@code name} on the class path, if any. */
    static Optional<ClusterRunner> find(String name) {
        try {
            for (ClusterRunner r : ServiceLoader.load(ClusterRunner.class)) {
                if (r.name().equals(name)) {
                    return Optional.of(r);
                }
            }
        } catch (ServiceConfigurationError | NoClassDefFoundError e) {
            // a registration whose classes or libraries are gone (a later build without the profile)
        }
        return Optional.empty();
    }
}
