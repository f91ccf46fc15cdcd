package io.gradlens.cli;

import io.gradlens.export.ExportJson;
import io.gradlens.workflow.shard.ClusterRunner;
import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.ShardMerge;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gradlens spark [--master M] [--shards N] <saliency|hidden-grad|influence-index> OPTIONS}: the
 * job that {@code saliency|hidden-grad|influence-index … --shard} describes, one shard per Spark task,
 * merged on the driver ({@link ClusterRunner}). The job's options are those of its command, parsed
 * by that command. Needs the Spark runner, built with {@code mvn -Pspark -DskipTests package}.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Run saliency, hidden-grad or influence-index over a dataset on Apache Spark (--master local[2] in-process, or a "
                + "cluster), one shard per task, then merge; the folder --out works like --shard's. Needs the "
                + "-Pspark build. See docs/scale-out.md.")
public final class SparkCommand implements Callable<Integer> {

    /** How to get the Spark runner. */
    static final String BUILD_HINT = "the Spark runner is not built: run `mvn -Pspark -DskipTests package` in the "
            + "GradLens checkout (it fetches Spark 3.5 into target/spark-lib), then bin/gradlens spark again";

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(?:,\\d+)?]|local");

    @Option(names = "--master", description = "Spark master: local[K], spark://HOST:7077, yarn, k8s://… (default: "
            + "spark-submit's --master).")
    String master;

    @Option(names = "--shards", defaultValue = "0", description = "Shards (= tasks); default: K for local[K], "
            + "required otherwise. Default ${DEFAULT-VALUE}.")
    int shards;

    @Parameters(index = "0", description = "saliency, hidden-grad or influence-index.")
    String job;

    @Parameters(index = "1..*", arity = "0..*", description = "The job's options (as for gradlens JOB).")
    List<String> options = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CorpusCommand command = switch (job) {
            case "hidden-grad" -> new HiddenGradCommand();
            case "saliency" -> new SaliencyCommand();
            case "influence-index" -> new InfluenceIndexCommand();
            default -> throw new IllegalArgumentException("spark runs saliency, hidden-grad or influence-index, got '"
                    + job + "'");
        };
        CommandLine parser = new CommandLine(command);
        parser.parseArgs(options.toArray(String[]::new));
        int count = shards > 0 ? shards : fromMaster(master);
        CorpusRequest request = command.corpusRequest(count);
        ClusterRunner runner = ClusterRunner.find("spark")
                .orElseThrow(() -> new IllegalArgumentException(BUILD_HINT));
        PrintWriter err = spec.commandLine().getErr();
        CorpusRun.Events events = new CorpusRun.Events("spark " + job, err);
        err.println("spark " + job + ": " + count + " shards of " + request.dataset() + " on "
                + (master == null ? "spark-submit's master" : master));
        ShardMerge.Merged merged = runner.run(request, command.corpusFolder(), master, events);
        err.println("spark " + job + ": merged " + merged.shards() + " shards (" + merged.examples() + " examples) into "
                + merged.manifest());
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("job", request.job());
        json.put("shards", merged.shards());
        json.put("examples", merged.examples());
        json.put("merged", merged.manifest().toString());
        spec.commandLine().getOut().println(ExportJson.line(json));
        return 0;
    }

    /** K of {@code local[K]} (the cores of {@code local[*]}, 1 for {@code local}). */
    static int fromMaster(String master) {
        Matcher m = master == null ? null : LOCAL.matcher(master);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("--shards is required with master " + (master == null
                    ? "from spark-submit" : master) + " (say how many shards, e.g. 4 × the executors)");
        }
        if (m.group(1) == null) {
            return 1;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    }
}
