package io.gradlens.experiment;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.explain.influence.LastLayerFeatures;
import io.gradlens.explain.influence.Rankings;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.explain.influence.TracIn;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.MaskedExamples;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Mislabel detection: flip a fraction of the training labels, train, rank the training set by
 * TracIn self-influence (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484) and by the
 * representer importance {@code |α_{i,y_i}|} (Yeh et al., NeurIPS 2018,
 * https://arxiv.org/abs/1811.09720), and report the fraction of flipped examples found when checking
 * the top 5 %, 10 %, …, 50 % of each ranking, against a random ranking (which finds that fraction
 * itself in expectation).
 */
public final class MislabelExperiment {

    /** Checked fractions of the ranking. */
    public static final double[] FRACTIONS = {0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5};

    /**
     * The outcome.
     *
     * @param tracin          recall of flipped labels per fraction, TracIn self-influence
     * @param representer     the same, representer |α|
     * @param randomRanking   the same, one seeded random permutation
     * @param flipped         number of flipped examples
     * @param size            training examples
     * @param trainSeconds    training time
     * @param tracinSeconds   TracIn precomputation time (all checkpoints)
     * @param representerSeconds representer precomputation time (features + refit)
     * @param fidelityTrain   representer fidelity (centred Pearson) on train
     * @param fidelityTest    representer fidelity on test
     * @param queryMillis     median time of one representer query over the training set
     * @param tracinQueryMillis median time of one TracIn query
     * @param testAccuracy    test accuracy of the trained model
     * @param settings        what was run
     */
    public record Result(double[] tracin, double[] representer, double[] randomRanking, int flipped, int size,
                         double trainSeconds, double tracinSeconds, double representerSeconds, double fidelityTrain,
                         double fidelityTest, double queryMillis, double tracinQueryMillis, double testAccuracy,
                         String settings) {

        /** A printable table. */
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(settings).append('\n');
            b.append(String.format(Locale.ROOT, "flipped %d of %d; test accuracy %.4f; training %.1f s%n", flipped, size,
                    testAccuracy, trainSeconds));
            b.append(String.format(Locale.ROOT, "precompute: tracin %.2f s, representer %.2f s (fidelity train %.4f, "
                    + "test %.4f); query: representer %.2f ms, tracin %.2f ms%n", tracinSeconds, representerSeconds,
                    fidelityTrain, fidelityTest, queryMillis, tracinQueryMillis));
            b.append(String.format(Locale.ROOT, "%-10s %8s %12s %8s%n", "checked", "tracin", "representer", "random"));
            for (int k = 0; k < FRACTIONS.length; k++) {
                b.append(String.format(Locale.ROOT, "%-10s %8.3f %12.3f %8.3f%n", Math.round(FRACTIONS[k] * 100) + "%",
                        tracin[k], representer[k], randomRanking[k]));
            }
            return b.toString();
        }
    }

    private MislabelExperiment() {
    }

    /** Runs the experiment on an image dataset with the MLP of {@link DecoyExperiment#mlp}. */
    public static Result run(Path datasets, String name, double flipFraction, int epochs, int batchSize, long seed,
                             int trainSize, TrainingListener listener) throws IOException {
        if (!(flipFraction > 0 && flipFraction < 1)) {
            throw new IllegalArgumentException("the flipped fraction must lie in (0, 1), got " + flipFraction);
        }
        if (!(BuiltInDatasets.load(name, seed, datasets) instanceof ImageDataset d)) {
            throw new IllegalArgumentException("the mislabel experiment needs an image dataset; " + name + " is not one");
        }
        ImageSplit split = d.train();
        int n = trainSize > 0 ? Math.min(trainSize, split.size()) : split.size();
        float[][] pixels = java.util.Arrays.copyOf(split.pixels(), n);
        int[] labels = java.util.Arrays.copyOf(split.labels(), n);
        Random random = new Random(seed);
        int[] perm = permutation(n, random);
        int flips = (int) Math.round(flipFraction * n);
        int[] flippedIdx = java.util.Arrays.copyOf(perm, flips);
        int[] noisy = MaskedExamples.relabel(labels, flippedIdx, d.classNames().size(), random);
        boolean[] flagged = new boolean[n];
        for (int i : flippedIdx) {
            flagged[i] = true;
        }
        ExampleSet train = MaskedExamples.images(new ImageSplit(pixels, noisy, null), d.height(), d.width(),
                d.channels());
        ExampleSet test = DecoyExperiment.images(d, false);
        Sequential model = DecoyExperiment.mlp(d.height(), d.width(), d.channels(), d.classNames().size(), seed);
        Adam adam = new Adam(1e-3);
        CheckpointRecorder recorder = new CheckpointRecorder(model, adam, 1, listener);
        long t0 = System.nanoTime();
        new Trainer(new TrainingConfig(epochs, batchSize, seed, true, null), adam).fit(model, train, null, recorder,
                CancellationToken.NONE);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double testAccuracy = Trainer.evaluate(model, test, null, 256, CancellationToken.NONE).accuracy();

        t0 = System.nanoTime();
        TracIn tracin = TracIn.lastLayer(model, recorder.checkpoints(), train);
        double tracinSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        LastLayerFeatures f = LastLayerFeatures.compute(model, train);
        RepresenterPoints rp = RepresenterPoints.fit(f, RepresenterPoints.DEFAULT_LAMBDA,
                LastLayerFeatures.lastLayerWeights(model));
        double representerSeconds = (System.nanoTime() - t0) / 1e9;
        LastLayerFeatures ft = LastLayerFeatures.compute(model, test);
        double fidTrain = rp.fidelity(f).pearson();
        double fidTest = rp.fidelity(ft).pearson();
        double[] times = new double[21];
        double[] ttimes = new double[21];
        java.util.List<LastLayerFeatures> testPerCheckpoint = TracIn.features(model, recorder.checkpoints(), test);
        for (int q = 0; q < times.length; q++) {
            double[] feature = ft.features().getRow(q).dup().data().asDouble();
            times[q] = rp.explain(q, feature, 0, 10).millis();
            ttimes[q] = tracin.explain(q, TracIn.testPoint(testPerCheckpoint, q), 0, 10).millis();
        }
        java.util.Arrays.sort(times);
        java.util.Arrays.sort(ttimes);
        int[] randomOrder = permutation(n, new Random(seed + 1));
        String settings = String.format(Locale.ROOT, "mislabel: %s, %d training examples, %.0f%% flipped, MLP 784-50-30-10, "
                + "Adam 1e-3, %d epochs, batch %d, checkpoints every epoch, seed %d, representer lambda %.3g", name, n,
                flipFraction * 100, epochs, batchSize, seed, RepresenterPoints.DEFAULT_LAMBDA);
        return new Result(Rankings.recall(tracin.selfInfluenceRanking(0).order(), flagged, FRACTIONS),
                Rankings.recall(rp.importance(0).order(), flagged, FRACTIONS),
                Rankings.recall(randomOrder, flagged, FRACTIONS), flips, n, trainSeconds, tracinSeconds,
                representerSeconds, fidTrain, fidTest, times[times.length / 2], ttimes[ttimes.length / 2], testAccuracy,
                settings);
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
