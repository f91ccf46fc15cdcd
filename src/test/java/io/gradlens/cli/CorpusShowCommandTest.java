package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.format.Npy;
import io.gradlens.workflow.corpus.MergedCorpusFixtures;
import io.gradlens.workflow.shard.CorpusFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code gradlens corpus-show DIR}: the summary of merged hidden-grad and saliency folders (documents,
 * T, the reduction, the corpus's top rows as merge wrote them), and exit 2 with one line for a folder
 * that is not a merged result.
 */
class CorpusShowCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path hidden;
    static Path saliency;

    @BeforeAll
    static void jobs() throws Exception {
        hidden = MergedCorpusFixtures.hiddenGrad(dir, 2);
        saliency = MergedCorpusFixtures.saliency(dir);
    }

    @Test
    void summarisesAMergedHiddenGradFolder() throws Exception {
        Path f = hidden.resolve("merged").resolve("mean_curve.npy");
        long steps = Npy.read(Files.readAllBytes(f), "curve").length();
        Path top = hidden.resolve("merged").resolve("corpus_topk.npy");
        double[] corpusTop = Npy.read(Files.readAllBytes(top), "top").castTo(DataType.DOUBLE).data().asDouble();

        CliRun text = CliRun.of("corpus-show", hidden.toString(), "--top", "3");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("kind: hidden-grad"), text.out());
        assertTrue(text.out().contains("documents: " + CorpusFixtures.TEST_DOCS), text.out());
        assertTrue(text.out().contains("steps: " + steps), text.out());
        assertTrue(text.out().contains("units: mean"), text.out());

        CliRun json = CliRun.of("corpus-show", hidden.toString(), "--format", "json", "--top", "2");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode s = JSON.readTree(json.out());
        assertEquals(CorpusFixtures.TEST_DOCS, s.get("documents").asInt());
        assertEquals(steps, s.get("steps").asLong());
        assertEquals(2, s.get("shards").asInt());
        assertEquals(2, s.get("top").size());
        for (int r = 0; r < 2; r++) {
            assertEquals((int) corpusTop[3 * r], s.get("top").get(r).get("document").asInt());
            assertEquals((int) corpusTop[3 * r + 1], s.get("top").get(r).get("step").asInt());
            assertEquals(corpusTop[3 * r + 2], s.get("top").get(r).get("curve").asDouble(), 0.0);
        }
    }

    @Test
    void summarisesAMergedSaliencyFolderWithTokens() throws Exception {
        CliRun json = CliRun.of("corpus-show", saliency.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode s = JSON.readTree(json.out());
        assertEquals("saliency", s.get("kind").asText());
        assertEquals(CorpusFixtures.TEST_DOCS, s.get("documents").asInt());
        assertEquals(2, s.get("classes").asInt());
        assertEquals("gradient", s.get("method").asText());
        assertEquals(Math.min(10, CorpusFixtures.TEST_DOCS), s.get("top").size());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode row : s.get("top")) {
            double largest = row.get("largest_score").asDouble();
            assertTrue(largest <= previous, "examples by their largest |score|, largest first");
            previous = largest;
            row.get("top_tokens").forEach(t -> assertTrue(
                    java.util.Set.of("good", "bad", "movie", "plot", "great", "awful", "the", "a", "film")
                            .contains(t.asText()), t.asText()));
        }
    }

    @Test
    void aFolderThatIsNotAMergedResultExitsWithBadInput() throws Exception {
        Path unmerged = MergedCorpusFixtures.unmergedHiddenGrad(dir);
        CliRun run = CliRun.of("corpus-show", unmerged.toString());
        assertEquals(GradLensCli.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("run gradlens merge"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        CliRun missing = CliRun.of("corpus-show", dir.resolve("absent").toString());
        assertEquals(GradLensCli.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("no such folder"), missing.err());
        CliRun top = CliRun.of("corpus-show", hidden.toString(), "--top", "0");
        assertEquals(GradLensCli.BAD_INPUT, top.exitCode());
        assertTrue(top.err().contains("--top must be ≥ 1"), top.err());
    }
}
