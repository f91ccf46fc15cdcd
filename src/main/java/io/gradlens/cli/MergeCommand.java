package io.gradlens.cli;

import io.gradlens.export.ExportJson;
import io.gradlens.workflow.shard.ShardMerge;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gradlens merge DIR}: combines the finished shards of a job folder exactly
 * ({@link ShardMerge}: sums and counts added, rows stacked) into {@code DIR/merged/} and
 * {@code DIR/merged.json}.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the shards of a job folder (written with --shard K/N or by gradlens spark) into "
                + "DIR/merged/*.npy and DIR/merged.json; refuses missing shards and shards of other jobs.")
public final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The job folder.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ShardMerge.Merged merged = ShardMerge.merge(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", merged.request().job());
        json.put("shards", merged.shards());
        json.put("examples", merged.examples());
        json.put("merged", merged.manifest().toString());
        json.put("arrays", merged.arrays());
        spec.commandLine().getErr().println("merge: " + merged.shards() + " shards, " + merged.examples()
                + " examples → " + merged.manifest());
        spec.commandLine().getOut().println(ExportJson.line(json));
        return 0;
    }
}
