package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.explain.influence.GradientProjection;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceLayers;
import io.gradlens.explain.influence.ProjectedTracIn;
import io.gradlens.train.Batch;
import io.gradlens.workflow.influence.DigitsWithCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradlens influence --method tracin-projected} on a small digits MLP with two checkpoints:
 * the scores equal {@link ProjectedTracIn}'s called directly with the same projection, a second run
 * is a disk-cache hit with identical output, the dimension and the seed change the cache key (the
 * spelling of the same weights does not), and bad flags exit with code 2 naming the flag.
 */
class InfluenceCommandProjectedTest {

    @TempDir
    static Path dir;
    static DigitsWithCheckpoints trained;

    @BeforeAll
    static void trainDigitsModel() throws Exception {
        trained = DigitsWithCheckpoints.train(dir);
    }

    private static Map<?, ?> json(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--model", trained.model().toString(), "--dataset", "digits",
                "--method", "tracin-projected", "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(Arrays.asList(extra));
        InfluenceCommandTest.Outcome o = InfluenceCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readValue(o.out(), Map.class);
    }

    @Test
    void scoresEqualTheDirectApiAndASecondRunIsACacheHit() throws Exception {
        Map<?, ?> first = json("--test-index", "3", "--top", "5", "--projection-dim", "64", "--projection-seed", "3");
        assertEquals(false, first.get("cached"));
        assertEquals(2, first.get("checkpoints"));
        assertEquals("all", first.get("layers"));
        assertEquals(64, first.get("projection_dim"));
        assertEquals(3, first.get("projection_seed"));
        assertEquals(null, first.get("fidelity"), "projected TracIn decomposes no logit");
        assertTrue(Files.isRegularFile(dir.resolve("cache").resolve((String) first.get("cache_key"))
                .resolve("tracin-projected.npz")));

        // The same scores straight from the explain API, over the checkpoints as recorded in memory.
        InfluenceData data = InfluenceData.of(trained.classifier(), trained.digits());
        GradientProjection p = new GradientProjection(64, 3);
        ProjectedTracIn direct = ProjectedTracIn.build(trained.classifier().network(), trained.checkpoints(),
                data.train(), InfluenceLayers.ALL, p);
        int explained = ((Number) first.get("class")).intValue();
        Batch one = data.test().batch(new int[] {3});
        double[] scores = direct.influence(ProjectedTracIn.project(trained.classifier().network(),
                trained.checkpoints(), new Batch(one.input(), new int[] {explained}, null), InfluenceLayers.ALL, p));
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        List<?> pro = (List<?>) first.get("proponents");
        List<?> opp = (List<?>) first.get("opponents");
        assertEquals(5, pro.size());
        assertEquals(5, opp.size());
        for (int r = 0; r < 5; r++) {
            Map<?, ?> a = (Map<?, ?>) pro.get(r);
            double score = ((Number) a.get("score")).doubleValue();
            assertEquals(scores[((Number) a.get("train_index")).intValue()], score, 1e-6 * Math.abs(score));
            assertEquals(sorted[sorted.length - 1 - r], score, 1e-6 * Math.abs(score), "proponent " + (r + 1));
            Map<?, ?> b = (Map<?, ?>) opp.get(r);
            double against = ((Number) b.get("score")).doubleValue();
            assertEquals(scores[((Number) b.get("train_index")).intValue()], against, 1e-6 * Math.abs(against));
            assertEquals(sorted[r], against, 1e-6 * Math.abs(against), "opponent " + (r + 1));
        }

        Map<?, ?> again = json("--test-index", "3", "--top", "5", "--projection-dim", "64", "--projection-seed", "3");
        assertEquals(true, again.get("cached"));
        assertEquals(first.get("cache_key"), again.get("cache_key"));
        assertEquals(first.get("proponents"), again.get("proponents"));
        assertEquals(first.get("opponents"), again.get("opponents"));

        // Every weight of an MLP is a dense layer's: the same weights, the same index.
        Map<?, ?> dense = json("--self", "--top", "3", "--projection-dim", "64", "--projection-seed", "3",
                "--layers", "dense");
        assertEquals(first.get("cache_key"), dense.get("cache_key"));
        assertEquals(true, dense.get("cached"));
        assertEquals("projected self-influence", dense.get("score"));
        double[] self = direct.selfInfluence();
        Map<?, ?> top = (Map<?, ?>) ((List<?>) dense.get("top")).get(0);
        double best = Arrays.stream(self).max().orElseThrow();
        assertEquals(best, ((Number) top.get("score")).doubleValue(), 1e-6 * best);
        assertEquals(best, self[((Number) top.get("train_index")).intValue()], 0);
    }

    @Test
    void theDimensionAndTheSeedChangeTheCacheKey() throws Exception {
        String base = (String) json("--self", "--top", "2", "--projection-dim", "16", "--projection-seed", "1")
                .get("cache_key");
        Map<?, ?> otherDim = json("--self", "--top", "2", "--projection-dim", "17", "--projection-seed", "1");
        Map<?, ?> otherSeed = json("--self", "--top", "2", "--projection-dim", "16", "--projection-seed", "2");
        assertEquals(false, otherDim.get("cached"));
        assertEquals(false, otherSeed.get("cached"));
        assertNotEquals(base, otherDim.get("cache_key"));
        assertNotEquals(base, otherSeed.get("cache_key"));
        assertNotEquals(otherDim.get("cache_key"), otherSeed.get("cache_key"));
    }

    @Test
    void badFlagsAndMissingCheckpointsExitWithTwoNamingWhat() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-checkpoints"));
        String m = trained.model().toString();
        Map<String[], String> cases = Map.of(
                new String[] {"--layers", "conv"}, "--layers: unknown layer kind 'conv'; use all or a comma-separated "
                        + "list of embedding, recurrent, dense",
                new String[] {"--projection-dim", "0"}, "--projection-dim must be between 1 and 8192, got 0",
                new String[] {"--projection-dim", "100000"}, "--projection-dim must be between 1 and 8192, got 100000",
                new String[] {"--layers", "embedding"}, "the model has no embedding layer with weights",
                new String[] {"--checkpoints", empty.toString()}, empty + "/index.json");
        for (Map.Entry<String[], String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("--model", m, "--dataset", "digits", "--self", "--method",
                    "tracin-projected", "--no-cache"));
            args.addAll(Arrays.asList(c.getKey()));
            InfluenceCommandTest.Outcome o = InfluenceCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, o.code(), args + " -> " + o.err());
            assertEquals(1, o.err().trim().split("\\R").length, "one line: " + o.err());
            assertTrue(o.err().contains(c.getValue()), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
    }
}
