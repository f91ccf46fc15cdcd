package io.gradlens.hardening;

import io.gradlens.cli.GradLensCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@code gradlens <args>} in a child JVM for {@link HeavyInputsTest}: prints the command's
 * stderr, then {@code VmHWM=<kB>} (the process's peak resident memory, read from
 * {@code /proc/self/status} just before it exits, or -1 where there is none), and exits with the
 * command's exit code.
 */
public final class HeavyInputMain {

    private HeavyInputMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradLensCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.print(err);
        System.out.println("VmHWM=" + peakKilobytes());
        System.out.flush();
        System.exit(code);
    }

    static long peakKilobytes() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
