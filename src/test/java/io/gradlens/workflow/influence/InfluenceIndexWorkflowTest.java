package io.gradlens.workflow.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.ImageDataset;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceIndex;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.nn.Classifier;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InfluenceIndexWorkflow} on a small digits MLP trained in the test
 * ({@link DigitsWithCheckpoints}): checkpoints handed over in memory score as the same checkpoints read
 * from their folder, the memory cache answers a repeated request, a cancelled precomputation leaves
 * nothing behind, and each refusal names what is missing.
 */
class InfluenceIndexWorkflowTest {

    @TempDir
    static Path dir;
    static Path model;
    static Classifier classifier;
    static ImageDataset digits;
    static List<CheckpointRecorder.Checkpoint> recorded;

    @BeforeAll
    static void train() throws Exception {
        DigitsWithCheckpoints trained = DigitsWithCheckpoints.train(dir);
        model = trained.model();
        classifier = trained.classifier();
        digits = trained.digits();
        recorded = trained.checkpoints();
    }

    private static InfluenceIndexRequest request(InfluenceMethod method, double lambda, InfluenceCheckpoints source) {
        return new InfluenceIndexRequest(classifier, model, digits, InfluenceDatasetName.builtIn("digits", 1), method,
                lambda, source);
    }

    private static PreparedInfluence prepare(InfluenceIndexWorkflow w, InfluenceIndexRequest r) throws Exception {
        return w.prepare(r, ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void checkpointsInMemoryScoreAsTheSavedOnesButHaveNoDiskKey() throws Exception {
        Path cache = dir.resolve("recorded-cache");
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(cache, true, m -> { });
        PreparedInfluence folder = prepare(w, request(InfluenceMethod.TRACIN, 0.003, InfluenceCheckpoints.BESIDE_MODEL));
        PreparedInfluence memory = prepare(w, request(InfluenceMethod.TRACIN, 0.003,
                new InfluenceCheckpoints.Recorded(recorded)));
        assertEquals(2, folder.checkpoints());
        assertEquals(2, memory.checkpoints());
        assertNotNull(folder.cacheKey());
        assertTrue(Files.isRegularFile(cache.resolve(folder.cacheKey()).resolve("tracin.npz")));
        assertNull(memory.cacheKey(), "snapshots in memory have no digest to key the disk cache");
        assertFalse(memory.cached());
        for (int test : new int[] {0, 7}) {
            List<InfluenceRanking.Score> a = all(folder.explain(test, null, 6).ranking());
            List<InfluenceRanking.Score> b = all(memory.explain(test, null, 6).ranking());
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).trainIndex(), b.get(i).trainIndex());
                assertEquals(a.get(i).score(), b.get(i).score(), 1e-9 * Math.abs(a.get(i).score()));
            }
        }
        assertTrue(Double.isNaN(folder.fidelity()));
    }

    private static List<InfluenceRanking.Score> all(InfluenceRanking r) {
        List<InfluenceRanking.Score> out = new ArrayList<>(r.proponents());
        out.addAll(r.opponents());
        return out;
    }

    @Test
    void theMemoryCacheAnswersARepeatedRequestAndTellsLambdasApart() throws Exception {
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(null, false, m -> { });
        InfluenceIndexRequest r = request(InfluenceMethod.REPRESENTER, 0.003, InfluenceCheckpoints.BESIDE_MODEL);
        PreparedInfluence first = prepare(w, r);
        assertFalse(first.cached());
        assertNull(first.cacheKey(), "no disk cache asked for");
        PreparedInfluence again = prepare(w, r);
        assertTrue(again.cached());
        assertSame(first.index(), again.index());
        PreparedInfluence other = prepare(w, request(InfluenceMethod.REPRESENTER, 0.03,
                InfluenceCheckpoints.BESIDE_MODEL));
        assertFalse(other.cached(), "another lambda is another index");
        assertFalse(Files.exists(Path.of(model + ".influence")));

        InfluenceData data = InfluenceData.of(classifier, digits);
        InfluenceIndex direct = InfluenceIndex.representer(classifier.network(), data.train(), data.test(), 0.003);
        assertEquals(direct.testFidelity().pearson(), first.fidelity(), 1e-12);
        InfluenceExplanation e = first.explain(4, null, 5);
        assertEquals(direct.predicted(4), e.predicted());
        assertEquals(direct.predicted(4), e.explainedClass());
        assertEquals(direct.explain(4, direct.predicted(4), 5).proponents(), e.ranking().proponents());
        assertEquals(3, first.explain(4, 3, 5).explainedClass());
        IllegalArgumentException badClass = assertThrows(IllegalArgumentException.class,
                () -> first.explain(4, 10, 5));
        assertTrue(badClass.getMessage().contains("class 10"), badClass.getMessage());
    }

    @Test
    void aCancelledPrecomputationIsNeitherReturnedNorCached() throws Exception {
        Path cache = dir.resolve("cancel-cache");
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(cache, true, m -> { });
        InfluenceIndexRequest r = request(InfluenceMethod.REPRESENTER, 0.01, InfluenceCheckpoints.BESIDE_MODEL);
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThrows(CancellationToken.CancelledException.class,
                () -> w.prepare(r, ProgressListener.NONE, cancelled));
        assertFalse(Files.exists(cache));
        assertFalse(prepare(w, r).cached());
    }

    @Test
    void missingCheckpointsAreRefusedNamingWhereTheyWereLookedFor() throws Exception {
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(null, false, m -> { });
        Path empty = Files.createDirectories(dir.resolve("no-checkpoints"));
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class, () -> prepare(w,
                request(InfluenceMethod.TRACIN, 0.003, new InfluenceCheckpoints.Folder(empty))));
        assertEquals(InfluenceCheckpoints.missingMessage(empty), folder.getMessage());
        assertTrue(folder.getMessage().contains(empty + "/index.json"), folder.getMessage());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> prepare(w,
                request(InfluenceMethod.TRACIN, 0.003, new InfluenceCheckpoints.Recorded(List.of()))));
        assertTrue(none.getMessage().contains("--checkpoint-every"), none.getMessage());

        assertEquals(InfluenceCheckpoints.missingMessage(null),
                InfluenceIndexWorkflow.unavailable(InfluenceMethod.TRACIN, null, InfluenceCheckpoints.BESIDE_MODEL)
                        .orElseThrow());
        assertTrue(InfluenceCheckpoints.missingMessage(null).contains("<model>.gradlens.checkpoints/index.json"));
        assertTrue(InfluenceIndexWorkflow.unavailable(InfluenceMethod.REPRESENTER, null,
                InfluenceCheckpoints.BESIDE_MODEL).isEmpty(), "representer points need no checkpoints");
        assertTrue(InfluenceIndexWorkflow.unavailable(InfluenceMethod.TRACIN, model,
                InfluenceCheckpoints.BESIDE_MODEL).isEmpty());
    }

    @Test
    void methodsParseByTheirIdsAndAnUnknownOneIsNamed() {
        for (InfluenceMethod m : InfluenceMethod.values()) {
            assertSame(m, InfluenceMethod.parse(m.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InfluenceMethod.parse("lime"));
        assertEquals("unknown influence method 'lime'; use representer, tracin or tracin-projected", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> request(InfluenceMethod.REPRESENTER, 0,
                InfluenceCheckpoints.BESIDE_MODEL));
    }
}
