package io.gradlens.cli;

import io.gradlens.bench.BenchmarkSuite;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gradlens bench}: the benchmark suite (see bench/README.md), one JSON line per workload
 * on stdout, in the schema the PyTorch peer prints; {@code bench/run.sh} runs both and compares.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmark workloads (warm-up, repeated runs, medians) and print JSON lines.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer repeats and smaller sizes, to check that it runs.")
    boolean quick;

    @Option(names = "--only", split = ",", description = "Only these workloads (comma-separated).")
    List<String> only;

    @Option(names = "--threads", description = "Threads for large matrix products (default: all cores).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--rounds", defaultValue = "1",
            description = "Run the selected workloads this many times in one JVM (memory and drift check; each record carries its round). Default ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--order", defaultValue = "given",
            description = "Order of the workloads in each round: given, reverse, shuffle or shuffle:SEED "
                    + "(a new seeded permutation per round, the same as the PyTorch peer's). Default ${DEFAULT-VALUE}.")
    String order;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (the only format).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of("--format", format, "--seed", Long.toString(seed),
                "--rounds", Integer.toString(rounds), "--order", order));
        if (quick) {
            args.add("--quick");
        }
        if (only != null && !only.isEmpty()) {
            args.add("--only");
            args.add(String.join(",", only));
        }
        if (threads != null) {
            args.add("--threads");
            args.add(threads.toString());
        }
        BenchmarkSuite.Options options = BenchmarkSuite.Options.parse(args.toArray(String[]::new));
        // The suite prints JSON lines itself; keep them (and its log) on the command's own streams.
        PrintStream out = streamOf(spec.commandLine().getOut());
        PrintStream log = streamOf(spec.commandLine().getErr());
        BenchmarkSuite.run(options, out, log);
        log.flush();
        out.flush();
        return 0;
    }

    /** A print stream that writes through to a picocli writer, flushing on every line. */
    private static PrintStream streamOf(java.io.PrintWriter writer) {
        return new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                writer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                writer.flush();
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
    }
}
