package io.gradlens.hardening;

import static io.gradlens.hardening.CliBadInputTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.format.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs replace an existing file only when complete: a failed write leaves it byte for byte,
 * concurrent writers leave one complete output.
 */
class AtomicOutputTest {

    static final String MODEL = "assets/models/sentiment-lstm.gradlens";
    private static final byte[] OLD = "previous, precious content\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsMidwayLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = Files.write(dir.resolve("out.csv"), OLD);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void fourConcurrentSaliencyRunsLeaveOneCompleteOutput() throws Exception {
        List<byte[]> complete = new ArrayList<>();
        for (int limit = 3; limit <= 6; limit++) {
            Path alone = dir.resolve("alone-" + limit + ".csv");
            assertEquals("0", run(saliency(limit, alone))[0]);
            complete.add(Files.readAllBytes(alone));
        }
        Path shared = Files.write(dir.resolve("shared.csv"), OLD);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> runs = new ArrayList<>();
            for (int limit = 3; limit <= 6; limit++) {
                String[] args = saliency(limit, shared);
                runs.add(pool.submit(() -> run(args)));
            }
            for (Future<String[]> r : runs) {
                assertEquals("0", r.get()[0], r.get()[1]);
            }
        } finally {
            pool.shutdown();
        }
        byte[] result = Files.readAllBytes(shared);
        assertTrue(complete.stream().anyMatch(c -> Arrays.equals(c, result)), new String(result, StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> AtomicFile.isTemporaryOf(p, shared)), "a temporary file was left");
        }
    }

    static String[] saliency(int limit, Path out) {
        return new String[] {"saliency", "--model", MODEL, "--dataset", "sentences", "--limit", Integer.toString(limit),
            "--format", "csv", "--out", out.toString()};
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
