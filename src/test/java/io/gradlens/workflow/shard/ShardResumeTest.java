package io.gradlens.workflow.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gradlens.cli.GradLensCli;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.util.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code gradlens saliency --shard all/4} process killed with {@code kill -9} while it computes a
 * shard leaves the finished shards' manifests and nothing that counts as finished for the others; a
 * rerun computes exactly the missing shards, skips the finished ones, leaves no temporary file, and
 * merges into the numbers of an uninterrupted run.
 */
class ShardResumeTest {

    private static final long TIMEOUT_MS = 90_000;

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesWithOnlyTheMissingShards() throws Exception {
        Path model = CorpusFixtures.model(dir);
        Path data = CorpusFixtures.dataset(dir);
        Path out = dir.resolve("job");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GradLensCli.class.getName(), "saliency", "--model", model.toString(), "--dataset", data.toString(),
                "--method", "integrated-gradients", "--steps", "400", "--target", "1", "--batch-size", "1",
                "--shard", "all/4", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (!Files.exists(out.resolve("shard-0001-of-0004.json"))) {
                if (!child.isAlive()) {
                    fail("the child ended (" + child.exitValue() + ") before shard 1: " + Files.readString(log));
                }
                if (System.currentTimeMillis() > deadline) {
                    fail("no shard finished after " + TIMEOUT_MS + " ms: " + Files.readString(log));
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child survived kill -9");
        }
        List<Integer> finished = finished(out);
        assertTrue(finished.contains(1) && finished.size() < 4, "killed midway, finished: " + finished + "\n"
                + Files.readString(log));

        CorpusRequest request = CorpusRequest.create("saliency", model, null, data.toString(), "test", 0, 0, 4,
                CorpusParameters.saliency("integrated-gradients", Map.of("steps", "400"), AttributionTarget.of(1), 1));
        List<Integer> ran = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        ShardRunner.runAll(request, Shard.all(4), new ShardFolder(out), new ShardRunner.Events() {
            @Override
            public void started(Shard shard, Shard.Range range) {
                ran.add(shard.index());
            }

            @Override
            public void finished(ShardRunner.Outcome o) {
                if (o.skipped()) {
                    skipped.add(o.shard().index());
                }
            }
        }, CancellationToken.NONE);
        assertEquals(finished, skipped);
        List<Integer> missing = new ArrayList<>(List.of(1, 2, 3, 4));
        missing.removeAll(finished);
        assertEquals(missing, ran);
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
        ShardMerge.merge(out);

        Path whole = dir.resolve("whole");
        ShardRunner.runAll(request.withShards(1), Shard.all(1), new ShardFolder(whole), ShardRunner.QUIET,
                CancellationToken.NONE);
        ShardMerge.merge(whole);
        Map<String, double[]> resumed = ShardMergeTest.merged(out);
        Map<String, double[]> reference = ShardMergeTest.merged(whole);
        for (String name : List.of("scores", "length", "example_index", "probabilities")) {
            ShardMergeTest.assertRelativelyEqual(reference.get(name), resumed.get(name), name);
        }
    }

    private static List<Integer> finished(Path out) throws Exception {
        List<Integer> done = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            if (Files.exists(out.resolve(new Shard(k, 4).stem() + ".json"))) {
                done.add(k);
            }
        }
        return done;
    }
}
