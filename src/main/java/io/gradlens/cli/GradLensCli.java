package io.gradlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: dispatches to the subcommands and turns failures into exit codes. */
@Command(name = "gradlens", mixinStandardHelpOptions = true, versionProvider = GradLensCli.Version.class,
        description = "Explain neural networks by their gradients: train, predict, saliency, hidden-state "
                + "gradients, influence.",
        subcommands = {TrainCommand.class, PredictCommand.class, DatasetsCommand.class, ImportCommand.class,
            SaliencyCommand.class, HiddenGradCommand.class, SensitivityCommand.class, SanityCommand.class,
            EvaluateCommand.class, InfluenceCommand.class, ExperimentCommand.class, BenchCommand.class,
            InfoCommand.class, MergeCommand.class, SparkCommand.class, InfluenceIndexCommand.class,
            CorpusShowCommand.class})
public final class GradLensCli implements Runnable {

    /** Exit code for bad input (files, flags, mismatches). */
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Runs the command line; Ctrl-C cancels the running command at its next batch (exit 130). */
    public static void main(String[] args) {
        io.gradlens.install.Startup.initialise();
        Interrupt.install();
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        Interrupt.finished();
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GradLensCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.getSubcommands().get("spark").setStopAtPositional(true); // the job's options follow the job's name
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.matchedOption("--debug") != null
                    || parseResult.subcommand() != null && hasDebug(parseResult);
            Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            if (debug) {
                cause.printStackTrace(commandLine.getErr());
            }
            if (cause instanceof IllegalArgumentException || cause instanceof IOException) {
                commandLine.getErr().println("gradlens " + commandLine.getCommandName() + ": " + oneLine(cause));
                return BAD_INPUT;
            }
            if (cause instanceof io.gradlens.util.CancellationToken.CancelledException) {
                commandLine.getErr().println("gradlens " + commandLine.getCommandName() + ": cancelled");
                return 130;
            }
            commandLine.getErr().println("gradlens " + commandLine.getCommandName() + ": unexpected failure: "
                    + oneLine(cause) + (debug ? "" : " (run with --debug for details)"));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, strings) -> {
            ex.getCommandLine().getErr().println("gradlens " + ex.getCommandLine().getCommandName() + ": "
                    + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'gradlens " + ex.getCommandLine().getCommandName()
                    + " --help'.");
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    private static boolean hasDebug(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.matchedOption("--debug") != null) {
                return true;
            }
        }
        return false;
    }

    /** The message of a failure on one line, with its type when the message alone would be empty. */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        } else if (t instanceof java.nio.file.NoSuchFileException) {
            m = "no such file: " + m;
        } else if (t instanceof java.nio.file.AccessDeniedException) {
            m = "permission denied: " + m;
        }
        return m.replace('\n', ' ').strip();
    }

    /** Version read at run time ({@link io.gradlens.workflow.RuntimeVersions#gradlens()}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"GradLens " + io.gradlens.workflow.RuntimeVersions.gradlens()};
        }
    }
}
