package io.gradlens.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradLensCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args} and asserts exit code 0 (the message is standard error). */
    public static CliRun ok(String... args) {
        CliRun run = of(args);
        org.junit.jupiter.api.Assertions.assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /**
     * Runs {@code args} and asserts bad input: exit code 2, one line on standard error containing
     * {@code expected} and no stack trace, nothing on standard output.
     */
    public static void assertBadInput(String expected, String... args) {
        CliRun run = of(args);
        org.junit.jupiter.api.Assertions.assertEquals(2, run.exitCode(), run.err() + run.out());
        org.junit.jupiter.api.Assertions.assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        org.junit.jupiter.api.Assertions.assertFalse(run.err().contains("\tat "), run.err());
        org.junit.jupiter.api.Assertions.assertTrue(run.err().contains(expected),
                "expected '" + expected + "' in: " + run.err());
        org.junit.jupiter.api.Assertions.assertEquals("", run.out());
    }
}
