package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gradlens.cli.GradLensCli;
import io.gradlens.format.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a command that is writing {@code --out F} over an existing F leaves F byte for
 * byte; what remains beside it is at most the killed run's temporary file ({@code .F.<hex>.tmp}),
 * which no later write removes (see {@link AtomicFile}). Ctrl-C instead cancels the command at its
 * next batch: exit 130, F intact, no temporary file.
 */
class KillDuringWriteTest {

    private static final byte[] PRECIOUS = "example,token,score\n0,precious,1.0\n".getBytes(StandardCharsets.UTF_8);
    private static final long START_TIMEOUT_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    void killingASaliencyRunLeavesTheExistingOutputIntact() throws Exception {
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path target = Files.write(outDir.resolve("scores.csv"), PRECIOUS);
        Path log = dir.resolve("child.log");
        Process child = longSaliency(target, log, 2000);
        try {
            awaitTemporary(child, target, log);
            Thread.sleep(300); // let it write into the temporary file for a moment
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child survived kill -9");
        }
        assertArrayEquals(PRECIOUS, Files.readAllBytes(target));
        List<Path> others = list(outDir).stream().filter(p -> !p.equals(target)).toList();
        assertTrue(others.size() <= 1 && others.stream().allMatch(p -> AtomicFile.isTemporaryOf(p, target)),
                "unexpected files " + others);
    }

    @Test
    void ctrlCCancelsAtTheNextBatchWithExit130AndLeavesNoTemporary() throws Exception {
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path target = Files.write(outDir.resolve("scores.csv"), PRECIOUS);
        Path log = dir.resolve("child.log");
        Process child = longSaliency(target, log, 100); // batches of well under a second: cancelled at the next
        try {
            awaitTemporary(child, target, log);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not stop the child");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(130, child.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("gradlens saliency: cancelled"), Files.readString(log));
        assertArrayEquals(PRECIOUS, Files.readAllBytes(target));
        assertEquals(List.of(target), list(outDir));
    }

    /** A child {@code gradlens saliency} over the whole dataset with integrated gradients of {@code steps}. */
    private static Process longSaliency(Path target, Path log, int steps) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GradLensCli.class.getName(), "saliency", "--model", AtomicOutputTest.MODEL, "--dataset", "sentences",
                "--method", "integrated-gradients", "--steps", Integer.toString(steps), "--format", "csv", "--out", target.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the child has opened its temporary output beside {@code target}. */
    private static void awaitTemporary(Process child, Path target, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (list(target.getParent()).stream().anyMatch(p -> AtomicFile.isTemporaryOf(p, target))) {
                return;
            }
            if (!child.isAlive()) {
                fail("the child ended (" + child.exitValue() + ") before writing: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        fail("no temporary output after " + START_TIMEOUT_MS + " ms: " + Files.readString(log));
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
