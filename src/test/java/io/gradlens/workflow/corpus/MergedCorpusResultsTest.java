package io.gradlens.workflow.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.AttributionInputs;
import io.gradlens.format.MappedNpy;
import io.gradlens.format.Npy;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.shard.CorpusFixtures;
import io.gradlens.workflow.training.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link MergedCorpusResults} gives back exactly the numbers {@code ShardMerge} wrote (each array
 * loaded a second way, whole, with {@link Npy#read}), the means agree with the merged sums divided by
 * the counts, the saliency rows carry the dataset's tokens, and unmerged, partial or altered folders
 * are refused with messages that name the folder or the file.
 */
class MergedCorpusResultsTest {

    @TempDir
    static Path dir;
    static Path hidden;
    static Path saliency;

    @BeforeAll
    static void jobs() throws Exception {
        hidden = MergedCorpusFixtures.hiddenGrad(dir, 2);
        saliency = MergedCorpusFixtures.saliency(dir);
    }

    static double[] npy(Path folder, String name) throws IOException {
        Path f = folder.resolve("merged").resolve(name + ".npy");
        return Npy.read(Files.readAllBytes(f), f.toString()).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Test
    void hiddenStateValuesAreExactlyTheMergedArrays() throws Exception {
        CorpusHiddenState h = assertInstanceOf(CorpusHiddenState.class, MergedCorpusResults.open(hidden));
        assertEquals(CorpusFixtures.TEST_DOCS, h.size());
        assertEquals(2, h.manifest().shards());
        assertEquals("hidden-grad", h.request().job());
        double[] curve = npy(hidden, "mean_curve");
        int t = curve.length;
        assertEquals(t, h.steps());
        assertArrayEquals(curve, h.meanCurve(), 0.0);
        assertArrayEquals(npy(hidden, "mean_hidden"), h.meanHidden(), 0.0);
        assertArrayEquals(npy(hidden, "step_count"), h.stepCount(), 0.0);
        double[] map = npy(hidden, "mean_map");
        MappedNpy mapped = h.meanMap();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                assertEquals(map[i * t + j], mapped.get(i, j), 0.0);
            }
        }
        // the means are the merged sums over the documents that reach each step
        double[] sums = npy(hidden, "curve_sum");
        double[] counts = npy(hidden, "step_count");
        for (int s = 0; s < t; s++) {
            assertEquals(sums[s] / counts[s], h.meanCurve()[s], 0.0);
        }
        assertEquals(CorpusFixtures.TEST_DOCS, counts[0], 0.0);

        double[] index = npy(hidden, "doc_index");
        double[] length = npy(hidden, "doc_length");
        double[] steps = npy(hidden, "topk_step");
        double[] values = npy(hidden, "topk_curve");
        double[] rows = npy(hidden, "topk_rows");
        assertEquals(2, h.topK());
        for (int d = 0; d < h.size(); d++) {
            CorpusHiddenState.Document doc = h.document(d);
            assertEquals((int) index[d], doc.index());
            assertEquals((int) length[d], doc.length());
            for (int j = 0; j < doc.top().size(); j++) {
                assertEquals((int) steps[d * 2 + j], doc.top().get(j).step());
                assertEquals(values[d * 2 + j], doc.top().get(j).curve(), 0.0);
                double[] row = h.topRow(d, j);
                assertEquals(doc.length(), row.length);
                for (int s = 0; s < row.length; s++) {
                    assertEquals(rows[(d * 2 + j) * t + s], row[s], 0.0);
                }
            }
        }
        double[] top = npy(hidden, "corpus_topk");
        assertEquals(top.length / 3, h.corpusTop().size());
        assertEquals((int) top[0], h.corpusTop().get(0).document());
        assertEquals(top[2], h.corpusTop().get(0).curve(), 0.0);
    }

    @Test
    void saliencyRowsAreTheMergedRowsWithTheDatasetsTokens() throws Exception {
        CorpusSaliency s = assertInstanceOf(CorpusSaliency.class, MergedCorpusResults.open(saliency));
        assertEquals(CorpusFixtures.TEST_DOCS, s.size());
        assertEquals(2, s.classes());
        assertNull(s.tokenNote());
        assertEquals("negative", s.className(0));
        assertEquals("positive", s.className(1));
        double[] scores = npy(saliency, "scores");
        double[] probabilities = npy(saliency, "probabilities");
        double[] predicted = npy(saliency, "predicted");
        double[] label = npy(saliency, "label");
        AttributionInputs.Tokens tokens = (AttributionInputs.Tokens) ExampleSelection.split(CorpusFixtures.rnn(),
                TrainingData.resolve(dir.resolve("corpus.csv").toString(), 0).dataset(), "test", 0).inputs();
        int at = 0;
        for (int i = 0; i < s.size(); i++) {
            CorpusSaliency.Example e = s.example(i);
            assertEquals(i, e.index());
            assertEquals((int) predicted[i], e.predicted());
            assertEquals((int) label[i], e.label());
            assertEquals(tokens.tokens().get(i), e.tokens());
            double[] own = e.scores();
            for (double v : own) {
                assertEquals(scores[at++], v, 0.0);
            }
            assertArrayEquals(new double[] {probabilities[2 * i], probabilities[2 * i + 1]}, e.probabilities(), 0.0);
            String first = e.topTokens(1).get(0);
            double largest = java.util.Arrays.stream(own).map(Math::abs).max()
                    .orElseThrow();
            int k = java.util.stream.IntStream.range(0, own.length).filter(j -> Math.abs(own[j]) == largest)
                    .findFirst().orElseThrow();
            assertEquals(e.tokens().get(k), first);
        }
        assertEquals(scores.length, at);
    }

    @Test
    void withoutTheModelTokensArePositionsAndTheReasonIsSaid() throws Exception {
        Path moved = copy(saliency, dir.resolve("moved"));
        Path manifest = moved.resolve("merged.json");
        String model = dir.resolve("rnn.gradlens").toAbsolutePath().normalize().toString();
        Files.writeString(manifest, Files.readString(manifest).replace(model, model + ".gone"));
        CorpusSaliency s = (CorpusSaliency) MergedCorpusResults.open(moved);
        assertTrue(s.tokenNote().contains("is not on this machine"), s.tokenNote());
        CorpusSaliency.Example e = s.example(0);
        assertEquals(e.scores().length, e.tokens().size());
        assertEquals("#0", e.tokens().get(0));
        assertEquals("1", s.className(1));
        assertArrayEquals(((CorpusSaliency) MergedCorpusResults.open(saliency)).example(0).scores(), e.scores(), 0.0);
    }

    @Test
    void unmergedPartialAndAlteredFoldersAreRefused() throws Exception {
        Path unmerged = MergedCorpusFixtures.unmergedHiddenGrad(dir);
        assertRefused(unmerged, "holds 2 finished shards but no merged result; run gradlens merge");
        assertRefused(dir.resolve("nowhere"), "no such folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty, "no merged corpus result");

        Path partial = copy(hidden, dir.resolve("partial"));
        Files.delete(partial.resolve("merged").resolve("mean_map.npy"));
        assertRefused(partial, "mean_map.npy is missing");

        Path altered = copy(hidden, dir.resolve("altered"));
        Files.write(altered.resolve("merged").resolve("mean_curve.npy"), Npy.write(Nd4j.zeros(DataType.DOUBLE, 3)));
        assertRefused(altered, "mean_curve.npy has shape [3]");

        Path fewer = copy(hidden, dir.resolve("fewer"));
        Path manifest = fewer.resolve("merged.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"shards\":2,\"examples\"",
                "\"shards\":1,\"examples\""));
        assertRefused(fewer, "merged 1 of the request's 2 shards");

        Path notJson = copy(hidden, dir.resolve("broken"));
        Files.writeString(notJson.resolve("merged.json"), "{\"format\":");
        assertRefused(notJson, "merged.json: not valid JSON");
    }

    private static void assertRefused(Path folder, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MergedCorpusResults.open(folder));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(folder.toAbsolutePath().normalize().toString()), e.getMessage());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
