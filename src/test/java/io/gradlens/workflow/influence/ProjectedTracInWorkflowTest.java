package io.gradlens.workflow.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceLayers;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.ProjectedTracIn;
import io.gradlens.train.Batch;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projected TracIn through {@link InfluenceIndexWorkflow} on the digits MLP with two checkpoints
 * ({@link DigitsWithCheckpoints}): the full influence vector approaches the exact all-layer TracIn
 * score ({@link ProjectedTracIn#exact}) as d grows, the caller's model keeps its weights, the memory
 * cache tells projection settings apart and keeps only the newest projected index, and settings that would not fit are refused before any
 * memory is taken.
 */
class ProjectedTracInWorkflowTest {

    /** Stated tolerance: relative L2 error of the influence vector at d = 4096. */
    static final double TOLERANCE_4096 = 0.1;

    @TempDir
    static Path dir;
    static DigitsWithCheckpoints trained;

    @BeforeAll
    static void train() throws Exception {
        trained = DigitsWithCheckpoints.train(dir);
    }

    private static InfluenceIndexRequest request(TracInProjection projection) {
        return new InfluenceIndexRequest(trained.classifier(), trained.model(), trained.digits(),
                InfluenceDatasetName.builtIn("digits", 1), InfluenceMethod.TRACIN_PROJECTED, 0.003,
                InfluenceCheckpoints.BESIDE_MODEL, projection);
    }

    /** Every training example's score for test example {@code t}, from a ranking as long as the set. */
    private static double[] vector(PreparedInfluence p, int t, int n) {
        InfluenceRanking r = p.explain(t, null, n).ranking();
        double[] v = new double[n];
        r.proponents().forEach(s -> v[s.trainIndex()] = s.score());
        r.opponents().forEach(s -> v[s.trainIndex()] = s.score());
        return v;
    }

    private static double relativeError(double[] approx, double[] exact) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.length; i++) {
            num += (approx[i] - exact[i]) * (approx[i] - exact[i]);
            den += exact[i] * exact[i];
        }
        return Math.sqrt(num / den);
    }

    private static Map<String, double[]> weights() {
        Map<String, double[]> m = new LinkedHashMap<>();
        trained.classifier().network().parameters().forEach((k, v) -> m.put(k, v.value().dup().data().asDouble()));
        return m;
    }

    @Test
    void theProjectedScoreApproachesTheExactAllLayerScoreAsDGrows() throws Exception {
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(null, false, m -> { });
        InfluenceData data = InfluenceData.of(trained.classifier(), trained.digits());
        int t = 5;
        int n = data.train().size();
        Map<String, double[]> before = weights();
        int[] dims = {16, 256, 4096};
        double[] errors = new double[dims.length];
        double[] exact = null;
        for (int k = 0; k < dims.length; k++) {
            PreparedInfluence p = w.prepare(request(new TracInProjection(InfluenceLayers.ALL, dims[k], 7)),
                    ProgressListener.NONE, CancellationToken.NONE);
            assertEquals(dims[k], p.projection().dimension());
            if (exact == null) {
                int explained = p.explain(t, null, 1).explainedClass();
                Batch one = data.test().batch(new int[] {t});
                exact = ProjectedTracIn.exact(trained.classifier().network(), trained.checkpoints(), data.train(),
                        InfluenceLayers.ALL, new Batch(one.input(), new int[] {explained}, null)).influence();
            }
            errors[k] = relativeError(vector(p, t, n), exact);
        }
        System.out.printf("projected TracIn through the workflow, relative L2 error at d = 16, 256, 4096: %s%n",
                Arrays.toString(errors));
        assertTrue(errors[2] < TOLERANCE_4096, "relative error at d=4096: " + errors[2]);
        assertTrue(errors[0] > errors[1] && errors[1] > errors[2], "the error must fall with d: "
                + Arrays.toString(errors));
        Map<String, double[]> after = weights();
        for (String name : before.keySet()) {
            assertTrue(Arrays.equals(before.get(name), after.get(name)),
                    "the caller's model keeps its weights: " + name);
        }
    }

    @Test
    void theMemoryCacheTellsProjectionSettingsApart() throws Exception {
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(null, false, m -> { });
        TracInProjection a = new TracInProjection(InfluenceLayers.ALL, 8, 1);
        PreparedInfluence first = w.prepare(request(a), ProgressListener.NONE, CancellationToken.NONE);
        PreparedInfluence again = w.prepare(request(new TracInProjection(InfluenceLayers.ALL, 8, 1)),
                ProgressListener.NONE, CancellationToken.NONE);
        assertTrue(again.cached());
        assertSame(first.index(), again.index());
        assertNull(first.cacheKey(), "no disk cache asked for");
        PreparedInfluence seed = w.prepare(request(new TracInProjection(InfluenceLayers.ALL, 8, 2)),
                ProgressListener.NONE, CancellationToken.NONE);
        assertFalse(seed.cached(), "another seed is another index");
        assertFalse(w.prepare(request(a), ProgressListener.NONE, CancellationToken.NONE).cached(),
                "only the newest projected index stays in memory");
        assertEquals(2, first.checkpoints());
        assertTrue(Double.isNaN(first.fidelity()));
    }

    @Test
    void settingsThatWouldNotFitAreRefusedBeforeAnyMemoryIsTaken() {
        InfluenceIndexWorkflow w = new InfluenceIndexWorkflow(null, false, m -> { });
        long heap = Runtime.getRuntime().maxMemory();
        // The index alone, 8 · n · d · 2 checkpoints bytes, over half the heap.
        int n = InfluenceData.of(trained.classifier(), trained.digits()).train().size();
        long needed = heap / (8L * n * 2) + 1;
        if (needed <= TracInProjection.MAX_DIMENSION) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.prepare(
                    request(new TracInProjection(InfluenceLayers.ALL, (int) needed, 0)), ProgressListener.NONE,
                    CancellationToken.NONE));
            assertTrue(e.getMessage().contains("choose a smaller --projection-dim or fewer --layers"), e.getMessage());
        }
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new TracInProjection(InfluenceLayers.ALL, TracInProjection.MAX_DIMENSION + 1, 0));
        assertEquals("--projection-dim must be between 1 and 8192, got 8193", big.getMessage());
        IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
                () -> TracInProjection.parse("dense,attention", 8, 0));
        assertTrue(layers.getMessage().startsWith("--layers: unknown layer kind 'attention'"), layers.getMessage());
    }
}
