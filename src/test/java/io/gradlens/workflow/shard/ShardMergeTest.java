package io.gradlens.workflow.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.Dataset;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.LastLayerFeatures;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.export.AttributionRecord;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.explain.DatasetAttribution;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.SelectedExamples;
import io.gradlens.workflow.training.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of the tiny corpus merge into exactly what one pass over every document gives, computed
 * here independently (per-document maps summed and divided by the documents reaching each cell);
 * any shard count gives the same numbers; shards of another request are refused by name.
 */
class ShardMergeTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @BeforeAll
    static void files() throws Exception {
        model = CorpusFixtures.model(dir);
        data = CorpusFixtures.dataset(dir);
    }

    static CorpusRequest hiddenGrad(int shards, int topK) throws Exception {
        return CorpusRequest.create("hidden-grad", model, null, data.toString(), "test", 0, 0, shards,
                CorpusParameters.hiddenGrad(null, "mean", 0, topK, 0));
    }

    static Map<String, double[]> runAndMerge(CorpusRequest request, Path out) throws Exception {
        ShardRunner.runAll(request, Shard.all(request.shards()), new ShardFolder(out), ShardRunner.QUIET,
                CancellationToken.NONE);
        ShardMerge.merge(out);
        return merged(out);
    }

    static Map<String, double[]> merged(Path out) throws Exception {
        Map<String, double[]> m = new java.util.HashMap<>();
        try (var files = Files.list(out.resolve("merged"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString().replace(".npy", "");
                m.put(name, ShardFolder.readArray(f, name, ShardArray.Rule.SUM).values());
            }
        }
        return m;
    }

    @Test
    void mergedHiddenGradientsEqualTheCorpusMeansComputedDocumentByDocument() throws Exception {
        Classifier c = CorpusFixtures.rnn();
        Dataset d = TrainingData.resolve(data.toString(), 0).dataset();
        AttributionInputs.Tokens docs = (AttributionInputs.Tokens) ExampleSelection.split(c, d, "test", 0).inputs();
        int n = docs.size();
        assertEquals(CorpusFixtures.TEST_DOCS, n);
        List<HiddenStateGradientMap> maps = new ArrayList<>();
        int steps = 0;
        for (int i = 0; i < n; i++) {
            maps.add(new HiddenStateGradients(null, HiddenReduction.mean(), 0, HiddenStateGradients.DEFAULT_BUDGET_BYTES)
                    .attribute(c.network(), docs.ids().get(i), docs.tokens().get(i), (a, b, m) -> { },
                            CancellationToken.NONE));
            steps = Math.max(steps, maps.get(i).steps());
        }
        double[] curve = new double[steps];
        double[] count = new double[steps];
        double[][] map = new double[steps][steps];
        double best = -1;
        int bestDoc = -1;
        int bestStep = -1;
        for (int i = 0; i < n; i++) {
            HiddenStateGradientMap m = maps.get(i);
            for (int t = 0; t < m.steps(); t++) {
                curve[t] += m.curve()[t];
                count[t]++;
                for (int s = 0; s < m.steps(); s++) {
                    map[t][s] += m.at(t, s);
                }
                if (m.curve()[t] > best) {
                    best = m.curve()[t];
                    bestDoc = i;
                    bestStep = t;
                }
            }
        }
        Map<String, double[]> three = runAndMerge(hiddenGrad(3, 2), dir.resolve("three"));
        Map<String, double[]> one = runAndMerge(hiddenGrad(1, 2), dir.resolve("one"));
        Map<String, double[]> five = runAndMerge(hiddenGrad(5, 2), dir.resolve("five"));
        assertEquals(steps, three.get("mean_curve").length);
        for (int t = 0; t < steps; t++) {
            assertEquals(curve[t] / count[t], three.get("mean_curve")[t], 1e-12 * Math.abs(curve[t]), "curve " + t);
            assertEquals(count[t], three.get("step_count")[t], 0.0);
            for (int s = 0; s < steps; s++) {
                double expected = map[t][s] / count[Math.max(t, s)];
                assertEquals(expected, three.get("mean_map")[t * steps + s], 1e-12 * Math.abs(expected) + 1e-15,
                        "map " + t + "," + s);
            }
        }
        for (String name : List.of("mean_map", "mean_curve", "mean_hidden", "topk_rows", "doc_length", "corpus_topk")) {
            assertRelativelyEqual(one.get(name), three.get(name), name + " 1 vs 3 shards");
            assertRelativelyEqual(one.get(name), five.get(name), name + " 1 vs 5 shards");
        }
        assertEquals(bestDoc, (int) three.get("corpus_topk")[0]);
        assertEquals(bestStep, (int) three.get("corpus_topk")[1]);
        assertEquals(best, three.get("corpus_topk")[2], 0.0);
        // document 4's first kept row is its map row at its largest curve value
        int k = 2;
        int row = (int) three.get("topk_step")[4 * k];
        double[] expectedRow = maps.get(4).map()[row];
        for (int s = 0; s < expectedRow.length; s++) {
            assertEquals(expectedRow[s], three.get("topk_rows")[(4 * k) * steps + s], 0.0);
        }
    }

    @Test
    void mergedSaliencyEqualsOnePassOverTheSplit() throws Exception {
        Classifier c = CorpusFixtures.rnn();
        Dataset d = TrainingData.resolve(data.toString(), 0).dataset();
        SelectedExamples all = ExampleSelection.split(c, d, "test", 0);
        List<double[]> expected = new ArrayList<>();
        DatasetAttribution.explain(c, all, AttributionMethods.configure("integrated-gradients",
                Map.of("steps", "8")).build(c), AttributionTarget.of(1), 4,
                (AttributionRecord r) -> expected.add(r.attribution().scores()), (a, b, m) -> { },
                CancellationToken.NONE);
        CorpusRequest request = CorpusRequest.create("saliency", model, null, data.toString(), "test", 0, 0, 4,
                CorpusParameters.saliency("integrated-gradients", Map.of("steps", "8"), AttributionTarget.of(1), 4));
        Map<String, double[]> m = runAndMerge(request, dir.resolve("saliency"));
        double[] flat = expected.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        assertRelativelyEqual(flat, m.get("scores"), "scores");
        assertEquals(expected.size(), m.get("length").length);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).length, m.get("length")[i], 0.0);
            assertEquals(i, m.get("example_index")[i], 0.0);
            assertEquals(1, m.get("target")[i], 0.0);
        }
    }

    @Test
    void mergedInfluenceFeaturesGiveTheRepresenterCoefficientsOfTheWholeIndex() throws Exception {
        Classifier c = CorpusFixtures.rnn();
        Dataset d = TrainingData.resolve(data.toString(), 0).dataset();
        InfluenceData examples = InfluenceData.of(c, d);
        LastLayerFeatures train = LastLayerFeatures.compute(c.network(), examples.train());
        RepresenterPoints whole = RepresenterPoints.fit(train, 0.01, LastLayerFeatures.lastLayerWeights(c.network()));
        double[] alpha = whole.alpha().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
        CorpusRequest request = CorpusRequest.create("influence-index", model, null, data.toString(), "train", 0, 0,
                5, CorpusParameters.influenceIndex(0.01));
        Map<String, double[]> m = runAndMerge(request, dir.resolve("influence"));
        assertRelativelyEqual(alpha, m.get("alpha"), "alpha");
        double[] features = train.features().dup('c').data().asDouble();
        double[] merged = java.util.Arrays.copyOf(m.get("features"), features.length); // training rows first
        assertRelativelyEqual(features, merged, "training features");
        assertEquals(6 + CorpusFixtures.TEST_DOCS, m.get("is_test").length);
        assertEquals(CorpusFixtures.TEST_DOCS, java.util.Arrays.stream(m.get("is_test")).sum(), 0.0);
    }

    @Test
    void mergedTracInShardsAreTheStateOfTheWholeIndex() throws Exception {
        Path trained = dir.resolve("tracin.gradlens");
        io.gradlens.cli.CliRun train = io.gradlens.cli.CliRun.of("train", "--dataset", data.toString(), "--arch", "rnn",
                "--units", "3", "--embedding-dim", "4", "--epochs", "2", "--batch-size", "4", "--checkpoint-every", "1",
                "--seed", "2", "--out", trained.toString());
        assertEquals(0, train.exitCode(), train.err());
        Classifier c = io.gradlens.workflow.models.ModelOpening.classifier(trained, null, "test");
        InfluenceData examples = InfluenceData.of(c, TrainingData.resolve(data.toString(), 0).dataset());
        var checkpoints = io.gradlens.workflow.influence.InfluenceCheckpoints.BESIDE_MODEL.resolve(trained);
        io.gradlens.explain.influence.TracIn whole = io.gradlens.explain.influence.TracIn.lastLayer(c.network(),
                checkpoints.checkpoints(), examples.train());
        CorpusRequest request = CorpusRequest.create("influence-index", trained, null, data.toString(), "train", 0, 0,
                3, CorpusParameters.influenceIndexTracIn(trained, null));
        Map<String, double[]> m = runAndMerge(request, dir.resolve("tracin"));
        for (var e : whole.toArrays().entrySet()) {
            assertRelativelyEqual(e.getValue().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data()
                    .asDouble(), m.get(e.getKey()), e.getKey());
        }
        assertRelativelyEqual(whole.selfInfluence(), m.get("self_influence"), "self-influence");
        assertEquals(6, m.get("self_influence").length);
    }

    @Test
    void refusesShardsOfAnotherRequestAndMissingShardsNamingTheFile() throws Exception {
        Path out = dir.resolve("mixed");
        CorpusRequest a = hiddenGrad(2, 2);
        ShardRunner.run(a, new Shard(1, 2), new ShardFolder(out), ShardRunner.QUIET, CancellationToken.NONE);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(out));
        assertTrue(missing.getMessage().contains("shard 2/2 is missing"), missing.getMessage());

        Path other = dir.resolve("other");
        CorpusRequest b = hiddenGrad(2, 3);
        ShardRunner.run(b, new Shard(2, 2), new ShardFolder(other), ShardRunner.QUIET, CancellationToken.NONE);
        Files.copy(other.resolve("shard-0002-of-0002.json"), out.resolve("shard-0002-of-0002.json"));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(out));
        assertTrue(mixed.getMessage().contains("shard-0002-of-0002.json belongs to another job"), mixed.getMessage());
        assertTrue(mixed.getMessage().contains("top_k=2") || mixed.getMessage().contains("parameters"),
                mixed.getMessage());
        IllegalArgumentException rerun = assertThrows(IllegalArgumentException.class, () -> ShardRunner.run(a,
                new Shard(2, 2), new ShardFolder(out), ShardRunner.QUIET, CancellationToken.NONE));
        assertTrue(rerun.getMessage().contains("use another --out folder"), rerun.getMessage());
        assertFalse(Files.exists(out.resolve("merged.json")));
    }

    @Test
    void moreShardsThanDocumentsIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardRunner.run(
                hiddenGrad(40, 2), new Shard(1, 40), new ShardFolder(dir.resolve("many")), ShardRunner.QUIET,
                CancellationToken.NONE));
        assertTrue(e.getMessage().contains("40 shards for 11 examples"), e.getMessage());
        assertEquals(List.of(new Shard.Range(0, 3), new Shard.Range(3, 7), new Shard.Range(7, 11)),
                Shard.all(3).stream().map(s -> s.range(11)).toList());
    }

    static void assertRelativelyEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * scale + 1e-15, what + "[" + i + "]");
        }
    }
}
