package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetLoader;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.export.AttributionFormat;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export streams: each example is written as it is explained into a temporary file that
 * replaces the target only at the end, so a cancelled run leaves an existing file as it was and
 * no temporary file behind.
 */
class StreamingExportTest {

    @TempDir
    static Path dir;
    static Classifier model;
    static SelectedExamples examples;
    static AttributionExport export;

    @BeforeAll
    static void model() throws Exception {
        ExplainFixtures fixtures = ExplainFixtures.in(dir);
        model = ModelBundle.read(fixtures.lstm);
        examples = ExampleSelection.split(model, DatasetLoader.load(fixtures.data), "test", 0);
        export = new AttributionExport(model, "parity.gradlens", AttributionMethods.configure("gradient", Map.of()),
                AttributionTarget.predicted(), 2);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aCancelledExportLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        for (AttributionFormat format : AttributionFormat.values()) {
            Path folder = Files.createDirectories(dir.resolve("cancel-" + format));
            Path target = folder.resolve("saliency.out");
            Files.writeString(target, "the previous export\n");
            CancellationToken cancel = new CancellationToken();
            List<Long> seen = new ArrayList<>();
            ProgressListener cancelAfterTwoBatches = (done, total, message) -> {
                seen.add(done);
                if (seen.size() == 2) {
                    // A temporary file is being written beside the target while the run goes on.
                    assertEquals(2, uncheckedFiles(folder).size(), format.name());
                    cancel.cancel();
                }
            };
            assertThrows(CancellationToken.CancelledException.class, () ->
                    export.toFile(examples, format, target, cancelAfterTwoBatches, cancel));
            assertEquals(List.of(2L, 4L), seen, "stopped before the third batch");
            assertEquals("the previous export\n", Files.readString(target));
            assertEquals(List.of(target), files(folder), "no temporary file left");
        }
    }

    @Test
    void aFinishedExportReplacesTheFileWithWhatTheStreamWrites() throws Exception {
        Path target = dir.resolve("replaced.jsonl");
        Files.writeString(target, "old\n");
        assertEquals(examples.size(), export.toFile(examples, AttributionFormat.JSONL, target, ProgressListener.NONE,
                CancellationToken.NONE));
        StringWriter streamed = new StringWriter();
        export.write(examples, AttributionFormat.JSONL, streamed, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(streamed.toString(), Files.readString(target));
        assertEquals(examples.size(), streamed.toString().lines().count());
        assertTrue(files(dir).stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), files(dir)
                .toString());
    }

    @Test
    void aFailingExampleLeavesTheOldFile() throws Exception {
        Path target = dir.resolve("failed.csv");
        Files.writeString(target, "kept\n");
        AttributionExport badTarget = new AttributionExport(model, "m", AttributionMethods.configure("gradient",
                Map.of()), AttributionTarget.of(5), 2);
        assertThrows(IllegalArgumentException.class, () -> badTarget.toFile(examples, AttributionFormat.CSV, target,
                ProgressListener.NONE, CancellationToken.NONE));
        assertEquals("kept\n", Files.readString(target));
        assertTrue(files(dir).stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    private static List<Path> uncheckedFiles(Path folder) {
        try {
            return files(folder);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
