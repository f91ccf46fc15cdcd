package io.gradlens.experiment;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.explain.influence.GradientProjection;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceLayers;
import io.gradlens.explain.influence.LastLayerFeatures;
import io.gradlens.explain.influence.ProjectedTracIn;
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
import io.gradlens.workflow.training.CustomNetwork;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingResult;
import io.gradlens.workflow.training.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Mislabel detection: flip a fraction of the training labels, train, rank the training set by
 * TracIn self-influence (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484) and by the
 * representer importance {@code |α_{i,y_i}|} (Yeh et al., NeurIPS 2018,
 * https://arxiv.org/abs/1811.09720) and by all-layer TracIn self-influence with the per-example gradients
 * compressed by a seeded random projection ({@link ProjectedTracIn}; Park et al., ICML 2023,
 * https://arxiv.org/abs/2303.14186), and report the fraction of flipped examples found when checking
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
     * @param projected       the same, projected all-layer TracIn self-influence
     * @param randomRanking   the same, one seeded random permutation
     * @param flipped         number of flipped examples
     * @param size            training examples
     * @param trainSeconds    training time
     * @param tracinSeconds   TracIn precomputation time (all checkpoints)
     * @param representerSeconds representer precomputation time (features + refit)
     * @param projectedSeconds projected all-layer TracIn precomputation time (all checkpoints)
     * @param fidelityTrain   representer fidelity (centred Pearson) on train
     * @param fidelityTest    representer fidelity on test
     * @param queryMillis     median time of one representer query over the training set
     * @param tracinQueryMillis median time of one TracIn query
     * @param testAccuracy    test accuracy of the trained model
     * @param settings        what was run
     */
    public record Result(double[] tracin, double[] representer, double[] projected, double[] randomRanking,
                         int flipped, int size, double trainSeconds, double tracinSeconds, double representerSeconds,
                         double projectedSeconds, double fidelityTrain,
                         double fidelityTest, double queryMillis, double tracinQueryMillis, double testAccuracy,
                         String settings) {

        /** A printable table. */
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(settings).append('\n');
            b.append(String.format(Locale.ROOT, "flipped %d of %d; test accuracy %.4f; training %.1f s%n", flipped, size,
                    testAccuracy, trainSeconds));
            b.append(String.format(Locale.ROOT, "precompute: tracin %.2f s, representer %.2f s (fidelity train %.4f, "
                    + "test %.4f), tracin-projected %.2f s; query: representer %.2f ms, tracin %.2f ms%n", tracinSeconds,
                    representerSeconds, fidelityTrain, fidelityTest, projectedSeconds, queryMillis, tracinQueryMillis));
            b.append(String.format(Locale.ROOT, "%-10s %8s %12s %17s %8s%n", "checked", "tracin", "representer",
                    "tracin-projected", "random"));
            for (int k = 0; k < FRACTIONS.length; k++) {
                b.append(String.format(Locale.ROOT, "%-10s %8.3f %12.3f %17.3f %8.3f%n",
                        Math.round(FRACTIONS[k] * 100) + "%", tracin[k], representer[k], projected[k], randomRanking[k]));
            }
            return b.toString();
        }
    }

    private MislabelExperiment() {
    }

    /**
     * Runs the experiment on an image dataset with the MLP of {@link DecoyExperiment#mlp}: trained through
     * the training workflow with a checkpoint every epoch, both indexes built by the influence index
     * workflow from those checkpoints in memory (no disk cache), projected all-layer TracIn over every
     * weight with {@code projection}.
     */
    public static Result run(Path datasets, String name, double flipFraction, int epochs, int batchSize, long seed,
                             int trainSize, GradientProjection projection, TrainingListener listener)
            throws IOException {
        if (!(flipFraction > 0 && flipFraction < 1)) {
            throw new IllegalArgumentException("the flipped fraction must lie in (0, 1), got " + flipFraction);
        }
        Random random = new Random(seed);
        Dataset loaded = BuiltInDatasets.load(name, seed, datasets);
        Flipped f;
        if (loaded instanceof ImageDataset d) {
            f = flipImages(d, flipFraction, trainSize, random);
        } else if (loaded instanceof TextDataset t) {
            f = flipTexts(t, flipFraction, trainSize, random);
        } else {
            throw new IllegalArgumentException("the mislabel experiment needs an image or text dataset; " + name
                    + " is neither");
        }
        Dataset flippedData = f.data();
        boolean[] flagged = f.flagged();
        int n = flagged.length;
        int flips = f.flips();
        TrainingSpec spec = new TrainingSpec(flippedData, DatasetSource.UNKNOWN, ExperimentTraining.settings(epochs,
                batchSize, seed, 0, PenaltySettings.NONE, 1)).with(f.network());
        if (f.vocabulary() != null) {
            spec = spec.with(f.vocabulary());
        }
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
        long tp = System.nanoTime();
        ProjectedTracIn projected = ProjectedTracIn.build(model.network(), trained.checkpoints(), train,
                InfluenceLayers.ALL, projection);
        double projectedSeconds = (System.nanoTime() - tp) / 1e9;
        java.util.Arrays.sort(times);
        java.util.Arrays.sort(ttimes);
        int[] randomOrder = permutation(n, new Random(seed + 1));
        String settings = String.format(Locale.ROOT, "mislabel: %s, %d training examples, %.0f%% flipped, %s, "
                + "Adam 1e-3, %d epochs, batch %d, checkpoints every epoch, seed %d, representer lambda %.3g, projection "
                + "dimension %d seed %d", name, n, flipFraction * 100, f.description(), epochs, batchSize, seed,
                RepresenterPoints.DEFAULT_LAMBDA, projection.dimension(), projection.seed());
        return new Result(Rankings.recall(tracin.selfInfluence(1).order(), flagged, FRACTIONS),
                Rankings.recall(representer.selfInfluence(1).order(), flagged, FRACTIONS),
                Rankings.recall(projected.selfInfluenceRanking(1).order(), flagged, FRACTIONS),
                Rankings.recall(randomOrder, flagged, FRACTIONS), flips, n, trainSeconds, tracin.precomputeSeconds(),
                representer.precomputeSeconds(), projectedSeconds, fidTrain, representer.fidelity(), times[times.length / 2],
                ttimes[ttimes.length / 2], testAccuracy, settings);
    }

    /** The in-memory index of {@code method} over the flipped training set. */
    private static PreparedInfluence index(InfluenceIndexWorkflow influence, Classifier model, Dataset data,
                                           InfluenceMethod method, InfluenceCheckpoints checkpoints)
            throws IOException {
        return influence.prepare(new InfluenceIndexRequest(model, null, data, null, method,
                RepresenterPoints.DEFAULT_LAMBDA, checkpoints), ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * A training set with flipped labels and the network to train on it.
     *
     * @param data        the dataset, its training labels flipped
     * @param flagged     per training example, whether its label was flipped
     * @param flips       number flipped
     * @param network     the network trained
     * @param vocabulary  the vocabulary (text), or null
     * @param description the network in words
     */
    private record Flipped(Dataset data, boolean[] flagged, int flips, CustomNetwork network, Vocabulary vocabulary,
                           String description) {
    }

    /** The first {@code trainSize} images (all when ≤ 0), {@code fraction} of them relabelled at random. */
    private static Flipped flipImages(ImageDataset d, double fraction, int trainSize, Random random) {
        ImageSplit split = d.train();
        int n = trainSize > 0 ? Math.min(trainSize, split.size()) : split.size();
        int[] labels = java.util.Arrays.copyOf(split.labels(), n);
        int[] flippedIdx = java.util.Arrays.copyOf(permutation(n, random), (int) Math.round(fraction * n));
        int[] noisy = MaskedExamples.relabel(labels, flippedIdx, d.classNames().size(), random);
        ImageDataset flipped = new ImageDataset(d.name(), d.classNames(), d.height(), d.width(), d.channels(),
                new ImageSplit(java.util.Arrays.copyOf(split.pixels(), n), noisy, null), d.test(), d.info());
        return new Flipped(flipped, flags(n, flippedIdx), flippedIdx.length, DecoyExperiment.mlpNetwork(), null,
                "MLP 784-50-30-10");
    }

    /**
     * The first {@code trainSize} texts (all when ≤ 0), {@code fraction} of them relabelled at random;
     * the text CNN of {@link DecoyExperiment#textCnn} over a vocabulary of the training words seen at
     * least {@link #TEXT_MIN_COUNT} times.
     */
    private static Flipped flipTexts(TextDataset t, double fraction, int trainSize, Random random) {
        int n = trainSize > 0 ? Math.min(trainSize, t.train().size()) : t.train().size();
        List<TextExample> train = t.train().subList(0, n);
        int[] labels = train.stream().mapToInt(TextExample::label).toArray();
        int[] flippedIdx = java.util.Arrays.copyOf(permutation(n, random), (int) Math.round(fraction * n));
        int[] noisy = MaskedExamples.relabel(labels, flippedIdx, t.classNames().size(), random);
        List<TextExample> relabelled = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TextExample e = train.get(i);
            relabelled.add(new TextExample(e.text(), noisy[i], e.tokenRelevance()));
            texts.add(e.tokens());
        }
        Vocabulary vocabulary = Vocabulary.build(texts, TEXT_MIN_COUNT, 20_000);
        TextDataset flipped = new TextDataset(t.name(), t.classNames(), relabelled, t.test(), t.info());
        return new Flipped(flipped, flags(n, flippedIdx), flippedIdx.length, DecoyExperiment.textCnnNetwork(),
                vocabulary, "text CNN (embedding 32, conv1d 32x3, max pool, dense; vocabulary "
                + vocabulary.size() + ")");
    }

    /** Minimum count of a training word to enter the text vocabulary (keeps the embedding, and P, small). */
    static final int TEXT_MIN_COUNT = 2;

    private static boolean[] flags(int n, int[] indices) {
        boolean[] flagged = new boolean[n];
        for (int i : indices) {
            flagged[i] = true;
        }
        return flagged;
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
