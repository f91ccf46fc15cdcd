package io.gradlens.explain.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.ImageExamples;
import io.gradlens.train.MaskedExamples;
import io.gradlens.train.Sgd;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Representer points and TracIn against their definitions, on small synthetic sets. */
class InfluenceTest {

    /** Gaussian blobs in {@code dims} dimensions, one centre per class, as [dims, 1, 1] "images". */
    static ImageExamples blobs(int n, int dims, int classes, double spread, long seed) {
        Random r = new Random(seed);
        Random centres = new Random(1234);
        double[][] c = new double[classes][dims];
        for (double[] row : c) {
            for (int d = 0; d < dims; d++) {
                row[d] = centres.nextGaussian();
            }
        }
        float[][] x = new float[n][dims];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
            for (int d = 0; d < dims; d++) {
                x[i][d] = (float) (c[y[i]][d] + spread * r.nextGaussian());
            }
        }
        return new ImageExamples(x, dims, 1, 1, y, null);
    }

    static Sequential mlp(int dims, int classes, DataType dtype, long seed) {
        return Sequential.builder(new long[] {dims, 1, 1}, dtype, seed)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 16, "activation", "relu"))
                .add("dense", Map.of("units", classes))
                .build();
    }

    /** {@code set} with float64 inputs, for float64 models. */
    static io.gradlens.train.ExampleSet float64(ImageExamples set) {
        return new io.gradlens.train.ExampleSet() {
            @Override
            public int size() {
                return set.size();
            }

            @Override
            public int label(int i) {
                return set.label(i);
            }

            @Override
            public boolean hasRelevance() {
                return false;
            }

            @Override
            public io.gradlens.train.Batch batch(int[] indices) {
                io.gradlens.train.Batch b = set.batch(indices);
                return new io.gradlens.train.Batch(io.gradlens.autodiff.Tensor.constant(
                        b.input().value().castTo(DataType.DOUBLE)), b.labels(), null);
            }
        };
    }

    @Test
    void lastLayerTracInEqualsTapeGradientsWhenTheLastLayerIsTheOnlyLayer() {
        io.gradlens.train.ExampleSet train = float64(blobs(40, 5, 3, 0.8, 1));
        io.gradlens.train.ExampleSet test = float64(blobs(6, 5, 3, 0.8, 2));
        Sequential model = Sequential.builder(new long[] {5, 1, 1}, DataType.DOUBLE, 3)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
        Sgd sgd = new Sgd(0.05);
        CheckpointRecorder recorder = new CheckpointRecorder(model, sgd, 1, TrainingListener.NONE);
        new Trainer(new TrainingConfig(3, 8, 1, true, null), sgd).fit(model, train, null, recorder,
                CancellationToken.NONE);
        assertEquals(3, recorder.checkpoints().size());
        TracIn fast = TracIn.lastLayer(model, recorder.checkpoints(), train);
        List<LastLayerFeatures> perCheckpoint = TracIn.features(model, recorder.checkpoints(), test);
        for (int t = 0; t < 2; t++) {
            int cls = t;
            double[] closed = fast.influence(TracIn.testPoint(perCheckpoint, t), cls);
            io.gradlens.train.Batch one = test.batch(new int[] {t});
            io.gradlens.train.Batch relabelled = new io.gradlens.train.Batch(one.input(), new int[] {cls}, null);
            TracIn.AllLayers tape = TracIn.allLayers(model, recorder.checkpoints(), train, relabelled);
            assertArrayEquals(tape.influence(), closed, 1e-10);
            assertArrayEquals(tape.self(), fast.selfInfluence(), 1e-10);
        }
    }

    @Test
    void checkpointsAreCopiesAndSurviveSaving(@TempDir Path dir) throws Exception {
        ImageExamples train = blobs(32, 4, 2, 0.5, 3);
        Sequential model = mlp(4, 2, DataType.FLOAT, 1);
        Adam adam = new Adam(1e-2);
        CheckpointRecorder recorder = new CheckpointRecorder(model, adam, 2, TrainingListener.NONE);
        new Trainer(new TrainingConfig(4, 8, 1, true, null), adam).fit(model, train, null, recorder,
                CancellationToken.NONE);
        List<CheckpointRecorder.Checkpoint> cps = recorder.checkpoints();
        assertEquals(List.of(2, 4), cps.stream().map(CheckpointRecorder.Checkpoint::epoch).toList());
        INDArray first = cps.get(0).weights().get("dense_1/kernel");
        INDArray last = cps.get(1).weights().get("dense_1/kernel");
        assertTrue(!first.equals(last), "the epoch-2 snapshot must not follow later training");
        assertEquals(last, model.parameters().get("dense_1/kernel").value());
        recorder.save(dir);
        List<CheckpointRecorder.Checkpoint> loaded = CheckpointRecorder.load(dir);
        assertEquals(2, loaded.size());
        assertEquals(1e-2, loaded.get(1).learningRate());
        assertEquals(first, loaded.get(0).weights().get("dense_1/kernel"));
    }

    @Test
    void representerDecomposesTheLogits() {
        ImageExamples train = blobs(600, 10, 4, 1.2, 5);
        ImageExamples test = blobs(200, 10, 4, 1.2, 6);
        Sequential model = mlp(10, 4, DataType.FLOAT, 2);
        new Trainer(new TrainingConfig(8, 32, 2, true, null), new Adam(1e-2)).fit(model, train, null,
                TrainingListener.NONE, CancellationToken.NONE);
        LastLayerFeatures f = LastLayerFeatures.compute(model, train);
        LastLayerFeatures ft = LastLayerFeatures.compute(model, test);
        RepresenterPoints rp = RepresenterPoints.fit(f, RepresenterPoints.DEFAULT_LAMBDA,
                LastLayerFeatures.lastLayerWeights(model));
        // stationarity: the refit layer is the representer sum
        double[] feature = ft.features().getRow(3).dup().data().asDouble();
        INDArray reconstruction = rp.reconstruct(ft);
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            for (double v : rp.values(feature, j)) {
                sum += v;
            }
            assertEquals(reconstruction.getDouble(3, j), sum, 1e-9 * Math.max(1, Math.abs(sum)));
        }
        RepresenterPoints.Fidelity train_ = rp.fidelity(f);
        RepresenterPoints.Fidelity test_ = rp.fidelity(ft);
        assertTrue(train_.pearson() >= 0.99 && test_.pearson() >= 0.99,
                "fidelity train " + train_ + ", test " + test_ + ", fit " + rp.fitReport());
        // proponents are positive and sorted, opponents negative
        InfluenceRanking r = rp.explain(3, feature, 1, 5);
        assertTrue(r.proponents().stream().allMatch(s -> s.score() > 0));
        assertTrue(r.opponents().stream().allMatch(s -> s.score() < 0));
        for (int i = 1; i < r.proponents().size(); i++) {
            assertTrue(r.proponents().get(i - 1).score() >= r.proponents().get(i).score());
        }
        assertThrows(IllegalArgumentException.class, () -> rp.values(feature, 4));
        assertThrows(IllegalArgumentException.class, () -> rp.values(new double[3], 0));
    }

    @Test
    void aQueryOverEightThousandExamplesTakesUnderFiftyMilliseconds() {
        Random r = new Random(1);
        int n = 8000;
        int w = 51;
        INDArray features = Nd4j.rand(DataType.DOUBLE, n, w);
        INDArray alpha = Nd4j.randn(DataType.DOUBLE, n, 10);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(10);
        }
        RepresenterPoints rp = RepresenterPoints.fromArrays(Map.of("features", features, "alpha", alpha,
                "labels", Nd4j.createFromArray(labels), "label_alpha", Nd4j.rand(DataType.DOUBLE, n), "meta", Nd4j.createFromArray(0.003, 0, 0, 0, 0)));
        double[] t = features.getRow(0).dup().data().asDouble();
        double[] times = new double[15];
        for (int q = 0; q < times.length; q++) {
            times[q] = rp.explain(0, t, q % 10, 10).millis();
        }
        java.util.Arrays.sort(times);
        assertTrue(times[times.length / 2] < 50, "median query " + times[times.length / 2] + " ms");
    }

    @Test
    void selfInfluenceAndRepresenterFindFlippedLabels() {
        int n = 1000;
        ImageExamples clean = blobs(n, 10, 5, 1.0, 9);
        int[] labels = new int[n];
        float[][] x = new float[n][];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = clean.label(i);
            all[i] = i;
        }
        Random random = new Random(4);
        int[] flipped = new int[n / 10];
        boolean[] flagged = new boolean[n];
        for (int k = 0; k < flipped.length; k++) {
            int i;
            do {
                i = random.nextInt(n);
            } while (flagged[i]);
            flagged[i] = true;
            flipped[k] = i;
        }
        int[] noisy = MaskedExamples.relabel(labels, flipped, 5, random);
        io.gradlens.train.Batch b = clean.batch(all);
        float[] flat = b.input().value().dup().data().asFloat();
        for (int i = 0; i < n; i++) {
            x[i] = java.util.Arrays.copyOfRange(flat, i * 10, (i + 1) * 10);
            assertTrue(!flagged[i] || noisy[i] != labels[i]);
        }
        ImageExamples train = new ImageExamples(x, 10, 1, 1, noisy, null);
        Sequential model = mlp(10, 5, DataType.FLOAT, 3);
        Adam adam = new Adam(1e-2);
        CheckpointRecorder recorder = new CheckpointRecorder(model, adam, 1, TrainingListener.NONE);
        new Trainer(new TrainingConfig(6, 32, 3, true, null), adam).fit(model, train, null, recorder,
                CancellationToken.NONE);
        double[] at = {0.2};
        double tracin = Rankings.recall(TracIn.lastLayer(model, recorder.checkpoints(), train)
                .selfInfluenceRanking(0).order(), flagged, at)[0];
        RepresenterPoints rp = RepresenterPoints.fit(LastLayerFeatures.compute(model, train),
                RepresenterPoints.DEFAULT_LAMBDA, LastLayerFeatures.lastLayerWeights(model));
        double representer = Rankings.recall(rp.importance(0).order(), flagged, at)[0];
        // a random ranking finds 20 % of the flipped labels in the top 20 %
        assertTrue(tracin >= 0.4, "TracIn recall at 20 %: " + tracin);
        assertTrue(representer >= 0.4, "representer recall at 20 %: " + representer);
    }

    @Test
    void indexSurvivesSavingAndLoading(@TempDir Path dir) throws Exception {
        ImageExamples train = blobs(120, 6, 3, 1.0, 11);
        ImageExamples test = blobs(20, 6, 3, 1.0, 12);
        Sequential model = mlp(6, 3, DataType.FLOAT, 4);
        Adam adam = new Adam(1e-2);
        CheckpointRecorder recorder = new CheckpointRecorder(model, adam, 1, TrainingListener.NONE);
        new Trainer(new TrainingConfig(2, 16, 1, true, null), adam).fit(model, train, null, recorder,
                CancellationToken.NONE);
        for (InfluenceIndex index : List.of(InfluenceIndex.representer(model, train, test, 0.003),
                InfluenceIndex.tracin(model, recorder.checkpoints(), train, test))) {
            index.save(dir);
            InfluenceIndex loaded = InfluenceIndex.load(dir, index.method());
            InfluenceRanking a = index.explain(5, index.predicted(5), 4);
            InfluenceRanking b = loaded.explain(5, loaded.predicted(5), 4);
            assertEquals(a.proponents(), b.proponents());
            assertEquals(a.opponents(), b.opponents());
            assertEquals(index.selfInfluence(3).top(), loaded.selfInfluence(3).top());
            assertThrows(IllegalArgumentException.class, () -> loaded.explain(20, 0, 3));
        }
    }
}
