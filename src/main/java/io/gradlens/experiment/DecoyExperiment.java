package io.gradlens.experiment;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.TrainingListener;
import io.gradlens.workflow.training.CustomNetwork;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.MaskSource;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingResult;
import io.gradlens.workflow.training.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>Every run goes through {@link io.gradlens.workflow.training.TrainingWorkflow} with the network as
 * a {@link CustomNetwork} (recorded as {@code trained_in: experiment}).
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

    /** Text defaults: 8 epochs, batch 32, λ = 1000, seed 1, all examples, Σ log p. */
    public static Settings textDefaults() {
        return new Settings(8, 32, 1000.0, 1, 0, ExplanationPenalty.Target.SUM_LOG_PROB);
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

    /** The paper's MLP for the prepared images, as a network the training workflow builds. */
    static CustomNetwork mlpNetwork() {
        return CustomNetwork.of("mlp-784-50-30-10", (input, classes, seed) -> {
            InputSpec.Image image = (InputSpec.Image) input;
            return mlp(image.height(), image.width(), image.channels(), classes, seed);
        });
    }

    /** The text CNN for the prepared vocabulary, as a network the training workflow builds. */
    static CustomNetwork textCnnNetwork() {
        return CustomNetwork.of("textcnn-32x3", (input, classes, seed) ->
                textCnn(((InputSpec.Tokens) input).vocabulary().size(), classes, seed));
    }

    /** Runs the three decoy-mnist trainings. */
    public static List<Run> mnist(Path datasets, Settings s, TrainingListener listener) throws IOException {
        ImageDataset clean = (ImageDataset) BuiltInDatasets.load("mnist", s.seed(), datasets);
        ImageDataset decoy = (ImageDataset) BuiltInDatasets.load("decoy-mnist", s.seed(), datasets);
        CustomNetwork mlp = mlpNetwork();
        List<Run> runs = new ArrayList<>();
        runs.add(run("clean", spec(clean, "mnist", s, PenaltySettings.NONE).with(mlp), listener));
        runs.add(run("decoy", spec(decoy, "decoy-mnist", s, PenaltySettings.NONE).with(mlp), listener));
        runs.add(run("decoy+penalty", spec(decoy, "decoy-mnist", s, penalty(s, ExplanationPenalty.Attribution.GRADIENT))
                .with(mlp), listener));
        return runs;
    }

    /** Runs the decoy-text trainings (vocabulary from all decoy training texts, shared by every run). */
    public static List<Run> text(Path datasets, Settings s, TrainingListener listener) throws IOException {
        TextDataset clean = (TextDataset) BuiltInDatasets.load("sentences", s.seed(), datasets);
        TextDataset decoy = (TextDataset) BuiltInDatasets.load("decoy-text", s.seed(), datasets);
        List<List<String>> texts = new ArrayList<>();
        for (TextExample e : decoy.train()) {
            texts.add(e.tokens());
        }
        Vocabulary vocabulary = Vocabulary.build(texts, 1, 20_000);
        CustomNetwork cnn = textCnnNetwork();
        PenaltySettings gradient = penalty(s, ExplanationPenalty.Attribution.GRADIENT);
        List<Run> runs = new ArrayList<>();
        runs.add(run("clean", spec(clean, "sentences", s, PenaltySettings.NONE).with(cnn).with(vocabulary), listener));
        runs.add(run("decoy", spec(decoy, "decoy-text", s, PenaltySettings.NONE).with(cnn).with(vocabulary),
                listener));
        runs.add(run("decoy+penalty", spec(decoy, "decoy-text", s, gradient).with(cnn).with(vocabulary), listener));
        runs.add(run("decoy+penalty(gxi)", spec(decoy, "decoy-text", s,
                penalty(s, ExplanationPenalty.Attribution.GRADIENT_X_INPUT)).with(cnn).with(vocabulary), listener));
        // variant for comparison: every embedding component of the input gradient penalised (its own
        // batch objective; the penalty settings only ask the workflow for the masks it reads)
        runs.add(run("decoy+pen/dim", spec(decoy, "decoy-text", s, gradient)
                .with(cnn.withStep(PerDimensionTokenPenalty.objective(s.lambda(), s.target(), false)))
                .with(vocabulary), listener));
        return runs;
    }

    /** A run of {@code settings} on the built-in dataset {@code data} called {@code name}. */
    private static TrainingSpec spec(Dataset data, String name, Settings s, PenaltySettings penalty) {
        return new TrainingSpec(data, DatasetSource.builtIn(name),
                ExperimentTraining.settings(s.epochs(), s.batchSize(), s.seed(), s.trainSize(), penalty, 0));
    }

    /** The penalty of the penalised runs: the settings' λ and target on the dataset's masks. */
    private static PenaltySettings penalty(Settings s, ExplanationPenalty.Attribution attribution) {
        return new PenaltySettings(s.lambda(), s.target(), attribution, Optional.of(MaskSource.DATASET));
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

    /**
     * Trains {@code spec} through the training workflow (a fresh network, same seed every time) and
     * scores it on its training examples and its dataset's test split.
     */
    static Run run(String name, TrainingSpec spec, TrainingListener listener) throws IOException {
        long t0 = System.nanoTime();
        TrainingResult result = ExperimentTraining.train(spec, listener);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Sequential network = ExperimentTraining.classifier(result).network();
        DatasetPreparation.Prepared examples = ExperimentTraining.examples(spec);
        return new Run(name, spec.dataset().name(), spec.settings().penalty().lambda(),
                ExperimentTraining.accuracy(network, examples.train()),
                ExperimentTraining.accuracy(network, examples.validation()), seconds, result.history());
    }
}
