package io.gradlens.cli;

import io.gradlens.workflow.corpus.CorpusSummary;
import io.gradlens.workflow.corpus.MergedCorpusResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gradlens corpus-show DIR}: what the merged result of a corpus job folder holds
 * ({@link CorpusSummary}), read through the same reader as the workbench
 * ({@link MergedCorpusResults}, arrays memory-mapped). A folder that is not a merged result exits 2.
 */
@Command(name = "corpus-show", mixinStandardHelpOptions = true,
        description = "Summarise the merged result of a corpus job folder (after gradlens merge DIR): kind, "
                + "documents, T, hidden units reduced, shards, and the top documents; nothing is recomputed.")
public final class CorpusShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The job folder holding merged.json.")
    Path dir;

    @Option(names = "--top", defaultValue = "10", description = "Top entries shown. Default ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use text or json");
        }
        if (top < 1) {
            throw new IllegalArgumentException("--top must be ≥ 1, got " + top);
        }
        Map<String, Object> summary = CorpusSummary.of(MergedCorpusResults.open(dir), top);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.line(summary));
        } else {
            CorpusSummary.lines(summary).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
