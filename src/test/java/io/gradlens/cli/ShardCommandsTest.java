package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.workflow.shard.ClusterRunner;
import io.gradlens.workflow.shard.CorpusFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hidden-grad --shard K/N}, {@code merge} and {@code spark} from the command line: one shard at
 * a time, a finished shard skipped on a rerun, merging refused (exit 2, one line naming the problem)
 * for missing shards and for shards of another job, and {@code spark} without the -Pspark build.
 */
class ShardCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @BeforeAll
    static void files() throws Exception {
        model = CorpusFixtures.model(dir);
        data = CorpusFixtures.dataset(dir);
    }

    private static String[] hiddenGrad(String shard, Path out, String... more) {
        String[] base = {"hidden-grad", "--model", model.toString(), "--dataset", data.toString(), "--shard", shard,
            "--out", out.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void shardsRunOneByOneSkipWhenFinishedAndMerge() throws Exception {
        Path out = dir.resolve("job");
        CliRun first = CliRun.of(hiddenGrad("1/2", out));
        assertEquals(0, first.exitCode(), first.err());
        JsonNode s = JSON.readTree(first.out()).get("shards").get(0);
        assertEquals("1/2", s.get("shard").asText());
        assertFalse(s.get("skipped").asBoolean());
        assertEquals(5, s.get("examples").asInt()); // ⌊11/2⌋ documents
        assertTrue(first.err().contains("hidden-grad: shard 1/2 finished: 5 examples"), first.err());

        CliRun again = CliRun.of(hiddenGrad("1/2", out));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(JSON.readTree(again.out()).get("shards").get(0).get("skipped").asBoolean());
        assertTrue(again.err().contains("shard 1/2 already finished (5 examples), skipped"), again.err());

        assertBadInput("shard 2/2 is missing", "merge", out.toString());
        assertBadInput("belongs to another job", hiddenGrad("1/2", out, "--top-k", "3"));

        assertEquals(0, CliRun.of(hiddenGrad("2/2", out)).exitCode());
        CliRun merge = CliRun.of("merge", out.toString());
        assertEquals(0, merge.exitCode(), merge.err());
        JsonNode m = JSON.readTree(merge.out());
        assertEquals(11, m.get("examples").asInt());
        assertEquals(2, m.get("shards").asInt());
        assertTrue(Files.isRegularFile(out.resolve("merged").resolve("mean_map.npy")));
        JsonNode manifest = JSON.readTree(out.resolve("merged.json").toFile());
        assertEquals(model.toAbsolutePath().normalize().toString(), manifest.get("request").get("model").asText());
        assertEquals(64, manifest.get("request").get("model_sha256").asText().length());
    }

    @Test
    void mergedSaliencyShardsEqualTheSaliencyCommandsJsonLines() throws Exception {
        String[] job = {"saliency", "--model", model.toString(), "--dataset", data.toString(), "--method",
            "integrated-gradients", "--steps", "8", "--target", "1"};
        CliRun single = CliRun.of(job);
        assertEquals(0, single.exitCode(), single.err());
        Path out = dir.resolve("saliency");
        String[] sharded = java.util.Arrays.copyOf(job, job.length + 4);
        System.arraycopy(new String[] {"--shard", "all/3", "--out", out.toString()}, 0, sharded, job.length, 4);
        assertEquals(0, CliRun.of(sharded).exitCode());
        java.util.List<Double> expected = new java.util.ArrayList<>();
        for (String line : single.out().strip().split("\n")) {
            JSON.readTree(line).get("scores").forEach(v -> expected.add(v.asDouble()));
        }
        Path file = out.resolve("merged").resolve("scores.npy");
        double[] merged = io.gradlens.format.Npy.read(Files.readAllBytes(file), file.toString())
                .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
        assertEquals(expected.size(), merged.length);
        double scale = expected.stream().mapToDouble(Math::abs).max().orElse(0);
        for (int i = 0; i < merged.length; i++) {
            assertEquals(expected.get(i), merged[i], 1e-6 * scale, "score " + i);
        }
    }

    @Test
    void influenceIndexShardsMergeIntoRepresenterCoefficients() throws Exception {
        Path out = dir.resolve("index");
        CliRun run = CliRun.of("influence-index", "--model", model.toString(), "--dataset", data.toString(),
                "--shard", "all/2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("influence-index: merged 2 shards (17 examples)"), run.err());
        assertTrue(Files.isRegularFile(out.resolve("merged").resolve("alpha.npy")));
    }

    @Test
    void badShardOptionsAreRefusedAtTheDoor() {
        assertBadInput("shard 3/2 does not exist", hiddenGrad("3/2", dir.resolve("bad")));
        assertBadInput("--shard must be K/N", hiddenGrad("two", dir.resolve("bad")));
        assertBadInput("got 'all/x'", hiddenGrad("all/x", dir.resolve("bad")));
        assertBadInput("needs --out FOLDER", "hidden-grad", "--model", model.toString(), "--dataset", data.toString(),
                "--shard", "1/2");
        assertBadInput("no finished shard", "merge", dir.toString());
    }

    @Test
    void sparkWithoutTheSparkBuildSaysHowToBuildIt() {
        Assumptions.assumeTrue(ClusterRunner.find("spark").isEmpty(), "this build has the Spark runner");
        assertBadInput("mvn -Pspark -DskipTests package", "spark", "--master", "local[2]", "hidden-grad", "--model",
                model.toString(), "--dataset", data.toString(), "--out", dir.resolve("spark").toString());
    }

    private static void assertBadInput(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err() + run.out());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
    }
}
