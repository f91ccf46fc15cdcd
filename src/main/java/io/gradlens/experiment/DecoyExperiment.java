package io.gradlens.experiment;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.MaskedExamples;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The decoy experiment of "Right for the Right Reasons" (Ross, Hughes and Doshi-Velez, IJCAI 2017,
 * https://arxiv.org/abs/1703.03717): one architecture trained three ways, on clean data, on decoy
 * data, and on decoy data with the explanation penalty, each scored on its own test split (the
 * decoy test split has the decoy drawn independently of the label).
 *
 * <p>Images (decoy-mnist): the paper's MLP 784-50-30-10 with ReLU, Adam 1e-3, batch 256. The paper's
 * λ = 1000 is for a summed (not averaged) cross-entropy plus penalty over the batch and inputs in
 * 0–255; GradLens averages the cross-entropy over the batch, sums the penalty, and scales pixels to
 * [0, 1]. Dividing the paper's objective by the batch size B and writing its input gradient with
 * respect to {@code x/255} gives {@code λ_GradLens = λ_paper / (B · 255²) = 1000 / (256 · 65025) ≈ 6.0e-5}
 * ({@link #paperLambda}). Text (decoy-text): embedding 32, Conv1D 32×3 ReLU, global max pool, dense 2, Adam 1e-3, batch 32.
 */
public final class DecoyExperiment {

    /** One training run. */
    public record Run(String name, String dataset, double lambda, double trainAccuracy, double testAccuracy,
                      double seconds, List<Map<String, Double>> history) {
    }

    /**
     * Settings.
     *
     * @param epochs    epochs per run
     * @param batchSize examples per step
     * @param lambda    penalty weight for the penalised run
     * @param seed      weight initialisation, shuffling and decoy placement
     * @param trainSize training examples to use (0 = all)
     * @param target    what the penalised input gradient is of
     */
    public record Settings(int epochs, int batchSize, double lambda, long seed, int trainSize,
                           ExplanationPenalty.Target target) {
    }

    /** The paper's λ = 1000 (summed CE, 0–255 pixels) expressed for GradLens' objective and batch size. */
    public static double paperLambda(int batchSize) {
        return 1000.0 / (batchSize * 255.0 * 255.0);
    }

    /** Image defaults: 30 epochs, batch 256, λ from the paper, seed 1, all examples, Σ log p. */
    public static Settings imageDefaults() {
        return new Settings(30, 256, paperLambda(256), 1, 0, ExplanationPenalty.Target.SUM_LOG_PROB);
    }

    /** Text defaults: 8 epochs, batch 32, λ = 100, seed 1, all examples, Σ log p. */
    public static Settings textDefaults() {
        return new Settings(8, 32, 100.0, 1, 0, ExplanationPenalty.Target.SUM_LOG_PROB);
    }

    private DecoyExperiment() {
    }

    /** The paper's MLP 784-50-30-10 (ReLU) for {@code h×w×c} images. */
    public static Sequential mlp(int height, int width, int channels, int classes, long seed) {
        return Sequential.builder(new long[] {height, width, channels}, DataType.FLOAT, seed)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 50, "activation", "relu"))
                .add("dense", Map.of("units", 30, "activation", "relu"))
                .add("dense", Map.of("units", classes))
                .build();
    }

    /** Embedding 32 → Conv1D 32 filters of width 3 (ReLU, same padding) → global max pool → dense. */
    public static Sequential textCnn(int vocabularySize, int classes, long seed) {
        return Sequential.builder(new long[] {-1}, DataType.FLOAT, seed)
                .add("embedding", Map.of("input_dim", vocabularySize, "output_dim", 32))
                .add("conv1d", Map.of("filters", 32, "kernel_size", 3, "padding", "same", "activation", "relu"))
                .add("global_max_pool1d", Map.of())
                .add("dense", Map.of("units", classes))
                .build();
    }

    /** Runs the three decoy-mnist trainings. */
    public static List<Run> mnist(Path datasets, Settings s, TrainingListener listener) throws IOException {
        ImageDataset clean = (ImageDataset) BuiltInDatasets.load("mnist", s.seed(), datasets);
        ImageDataset decoy = (ImageDataset) BuiltInDatasets.load("decoy-mnist", s.seed(), datasets);
        Supplier<Sequential> model = () -> mlp(28, 28, 1, 10, s.seed());
        List<Run> runs = new ArrayList<>();
        runs.add(run("clean", clean.name(), model, subset(images(clean, true), s.trainSize()), images(clean, false),
                0, s, listener));
        ExampleSet decoyTrain = subset(images(decoy, true), s.trainSize());
        ExampleSet decoyTest = images(decoy, false);
        runs.add(run("decoy", decoy.name(), model, decoyTrain, decoyTest, 0, s, listener));
        runs.add(run("decoy+penalty", decoy.name(), model, decoyTrain, decoyTest, s.lambda(), s, listener));
        return runs;
    }

    /** Runs the three decoy-text trainings (vocabulary from the decoy training texts). */
    public static List<Run> text(Path datasets, Settings s, TrainingListener listener) throws IOException {
        TextDataset clean = (TextDataset) BuiltInDatasets.load("sentences", s.seed(), datasets);
        TextDataset decoy = (TextDataset) BuiltInDatasets.load("decoy-text", s.seed(), datasets);
        List<List<String>> texts = new ArrayList<>();
        for (TextExample e : decoy.train()) {
            texts.add(e.tokens());
        }
        Vocabulary vocabulary = Vocabulary.build(texts, 1, 20_000);
        Supplier<Sequential> model = () -> textCnn(vocabulary.size(), 2, s.seed());
        List<Run> runs = new ArrayList<>();
        runs.add(run("clean", clean.name(), model,
                subset(MaskedExamples.tokens(clean.train(), vocabulary, false), s.trainSize()),
                MaskedExamples.tokens(clean.test(), vocabulary, false), 0, s, listener));
        ExampleSet decoyTrain = subset(MaskedExamples.tokens(decoy.train(), vocabulary, true), s.trainSize());
        ExampleSet decoyTest = MaskedExamples.tokens(decoy.test(), vocabulary, false);
        runs.add(run("decoy", decoy.name(), model, decoyTrain, decoyTest, 0, s, listener));
        runs.add(run("decoy+penalty", decoy.name(), model, decoyTrain, decoyTest, s.lambda(), s, listener));
        return runs;
    }

    /** Train or test images of {@code d}, with masks on the training side. */
    public static ExampleSet images(ImageDataset d, boolean train) {
        return train ? MaskedExamples.images(d.train(), d.height(), d.width(), d.channels())
                : MaskedExamples.images(d.test(), d.height(), d.width(), d.channels(), null);
    }

    /** The first {@code n} examples of {@code set} (all when n ≤ 0 or n ≥ size). */
    public static ExampleSet subset(ExampleSet set, int n) {
        if (n <= 0 || n >= set.size()) {
            return set;
        }
        return new ExampleSet() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int label(int i) {
                return set.label(i);
            }

            @Override
            public boolean hasRelevance() {
                return set.hasRelevance();
            }

            @Override
            public io.gradlens.train.Batch batch(int[] indices) {
                return set.batch(indices);
            }
        };
    }

    /** Trains a fresh model (same seed every time) and scores it on train and test. */
    public static Run run(String name, String dataset, Supplier<Sequential> factory, ExampleSet train, ExampleSet test,
                          double lambda, Settings s, TrainingListener listener) {
        Sequential model = factory.get();
        ExplanationPenalty penalty = lambda > 0 ? new ExplanationPenalty(lambda, s.target()) : null;
        TrainingConfig config = new TrainingConfig(s.epochs(), s.batchSize(), s.seed(), true, penalty);
        long t0 = System.nanoTime();
        List<Map<String, Double>> history = new Trainer(config, new Adam(1e-3)).fit(model, train, null, listener,
                CancellationToken.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double trainAcc = Trainer.evaluate(model, train, null, 256, CancellationToken.NONE).accuracy();
        double testAcc = Trainer.evaluate(model, test, null, 256, CancellationToken.NONE).accuracy();
        return new Run(name, dataset, lambda, trainAcc, testAcc, seconds, history);
    }
}
