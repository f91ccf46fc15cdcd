package io.gradlens.experiment;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.LastLayerFeatures;
import io.gradlens.explain.influence.Rankings;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.nn.Classifier;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.MaskedExamples;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.influence.InfluenceCheckpoints;
import io.gradlens.workflow.influence.InfluenceIndexRequest;
import io.gradlens.workflow.influence.InfluenceIndexWorkflow;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.PreparedInfluence;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingResult;
import io.gradlens.workflow.training.TrainingSpec;
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

    /**
     * Runs the experiment on an image dataset with the MLP of {@link DecoyExperiment#mlp}: trained through
     * the training workflow with a checkpoint every epoch, both indexes built by the influence index
     * workflow from those checkpoints in memory (no disk cache).
     */
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
        ImageDataset flippedData = new ImageDataset(d.name(), d.classNames(), d.height(), d.width(), d.channels(),
                new ImageSplit(pixels, noisy, null), d.test(), d.info());
        TrainingSpec spec = new TrainingSpec(flippedData, DatasetSource.UNKNOWN, ExperimentTraining.settings(epochs,
                batchSize, seed, 0, PenaltySettings.NONE, 1)).with(DecoyExperiment.mlpNetwork());
        long t0 = System.nanoTime();
        TrainingResult trained = ExperimentTraining.train(spec, listener);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Classifier model = ExperimentTraining.classifier(trained);
        double testAccuracy = ExperimentTraining.accuracy(model.network(),
                ExperimentTraining.examples(spec).validation());

        InfluenceIndexWorkflow influence = new InfluenceIndexWorkflow(null, false, warning -> { });
        InfluenceCheckpoints recorded = new InfluenceCheckpoints.Recorded(trained.checkpoints());
        PreparedInfluence tracin = index(influence, model, flippedData, InfluenceMethod.TRACIN, recorded);
        PreparedInfluence representer = index(influence, model, flippedData, InfluenceMethod.REPRESENTER, recorded);
        ExampleSet train = InfluenceData.of(model, flippedData).train();
        double fidTrain = representer.index().representerPoints()
                .fidelity(LastLayerFeatures.compute(model.network(), train)).pearson();
        double[] times = new double[21];
        double[] ttimes = new double[21];
        for (int q = 0; q < times.length; q++) {
            times[q] = representer.explain(q, 0, 10).ranking().millis();
            ttimes[q] = tracin.explain(q, 0, 10).ranking().millis();
        }
        java.util.Arrays.sort(times);
        java.util.Arrays.sort(ttimes);
        int[] randomOrder = permutation(n, new Random(seed + 1));
        String settings = String.format(Locale.ROOT, "mislabel: %s, %d training examples, %.0f%% flipped, MLP 784-50-30-10, "
                + "Adam 1e-3, %d epochs, batch %d, checkpoints every epoch, seed %d, representer lambda %.3g", name, n,
                flipFraction * 100, epochs, batchSize, seed, RepresenterPoints.DEFAULT_LAMBDA);
        return new Result(Rankings.recall(tracin.selfInfluence(1).order(), flagged, FRACTIONS),
                Rankings.recall(representer.selfInfluence(1).order(), flagged, FRACTIONS),
                Rankings.recall(randomOrder, flagged, FRACTIONS), flips, n, trainSeconds, tracin.precomputeSeconds(),
                representer.precomputeSeconds(), fidTrain, representer.fidelity(), times[times.length / 2],
                ttimes[ttimes.length / 2], testAccuracy, settings);
    }

    /** The in-memory index of {@code method} over the flipped training set. */
    private static PreparedInfluence index(InfluenceIndexWorkflow influence, Classifier model, ImageDataset data,
                                           InfluenceMethod method, InfluenceCheckpoints checkpoints)
            throws IOException {
        return influence.prepare(new InfluenceIndexRequest(model, null, data, null, method,
                RepresenterPoints.DEFAULT_LAMBDA, checkpoints), ProgressListener.NONE, CancellationToken.NONE);
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
