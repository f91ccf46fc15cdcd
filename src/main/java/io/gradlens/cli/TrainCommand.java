package io.gradlens.cli;

import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.StepResult;
import io.gradlens.train.TrainingListener;
import io.gradlens.workflow.TrainingSite;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.workflow.training.MaskSource;
import io.gradlens.workflow.training.OptimizerChoice;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainedModel;
import io.gradlens.workflow.training.TrainingData;
import io.gradlens.workflow.training.TrainingResult;
import io.gradlens.workflow.training.TrainingSettings;
import io.gradlens.workflow.training.TrainingSpec;
import io.gradlens.workflow.training.TrainingWorkflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens train}: the options become {@link TrainingSettings} (whose defaults are these
 * options' defaults), {@link TrainingWorkflow} trains, and one JSON line per epoch is printed (for the
 * price model one line with the test RMSE); the bundle and its checkpoints are written at the end.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier on a dataset (built-in name or file) and save it as a .gradlens bundle "
                + "(the tabular 'price' dataset trains the price regression model).%n"
                + "Prints one JSON line per epoch: epoch, loss, accuracy, val_loss, val_accuracy "
                + "(and classification_loss, saliency_loss with --rrr-lambda).")
public final class TrainCommand implements Callable<Integer> {

    /** The defaults: the options start from them, so the command line and the workbench share one set. */
    private static final TrainingSettings D = TrainingSettings.DEFAULTS;

    @Option(names = "--dataset", required = true, description = "Built-in dataset name or a dataset file/folder.")
    String dataset;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--arch", description = "Architecture: text ${COMPLETION-CANDIDATES}; default lstm for text, "
            + "cnn for images.", completionCandidates = ArchNames.class)
    String arch;

    @Option(names = "--embedding-dim", description = "Embedding width (text). Default ${DEFAULT-VALUE}.")
    int embeddingDim = D.embeddingDim();

    @Option(names = "--units", description = "Recurrent units or text-CNN filters. Default ${DEFAULT-VALUE}.")
    int units = D.units();

    @Option(names = "--hidden", description = "Dense hidden width (cnn, mlp). Default ${DEFAULT-VALUE}.")
    int hidden = D.hidden();

    @Option(names = "--dropout", description = "Dropout before the output layer. Default ${DEFAULT-VALUE}.")
    double dropout = D.dropout();

    @Option(names = "--epochs", description = "Default ${DEFAULT-VALUE}.")
    int epochs = D.epochs();

    @Option(names = "--batch-size", description = "Default ${DEFAULT-VALUE}.")
    int batchSize = D.batchSize();

    @Option(names = "--optimizer", description = "adam, sgd or sgd-momentum (μ = "
            + "--momentum). Default ${DEFAULT-VALUE}.")
    String optimizer = D.optimizer().cliName();

    @Option(names = "--lr", description = "Learning rate. Default ${DEFAULT-VALUE}.")
    double learningRate = D.learningRate();

    @Option(names = "--seed", description = "Seeds weights, shuffling, dropout and generated "
            + "datasets. Default ${DEFAULT-VALUE}.")
    long seed = D.seed();

    @Option(names = "--init", description = "Start from the weights of this bundle (same architecture), keeping its "
            + "vocabulary; the dataset's class names and image shape must match it.")
    Path init;

    @Option(names = "--no-shuffle", description = "Keep the training order.")
    boolean noShuffle;

    @Option(names = "--vocab-size", description = "Largest vocabulary (text). Default ${DEFAULT-VALUE}.")
    int vocabSize = D.preparation().vocabSize();

    @Option(names = "--min-count", description = "Least count of a word in the vocabulary. "
            + "Default ${DEFAULT-VALUE}.")
    int minCount = D.preparation().minCount();

    @Option(names = "--max-length", description = "Cut texts to this many tokens (0: no limit).")
    int maxLength = D.preparation().maxLength();

    @Option(names = "--limit", description = "Use only the first N training examples (0: all).")
    int limit = D.preparation().limit();

    @Option(names = "--rrr-lambda", description = "Weight λ of the explanation penalty "
            + "(Ross et al. 2017); 0 trains plainly.")
    double rrrLambda = D.penalty().lambda();

    @Option(names = "--rrr-target", description = "max-logprob or sum-logprob.")
    String rrrTarget = D.penalty().target().cliName();

    @Option(names = "--rrr-attribution", description = "What the penalty squares: "
            + "gradient (the paper's) or grad-x-input (recommended for text: learned embeddings can evade a plain "
            + "gradient penalty). Default ${DEFAULT-VALUE}.")
    String rrrAttribution = D.penalty().attribution().cliName();

    @Option(names = "--mask", description = "Relevance masks for the penalty: dataset (the masks the dataset carries; "
            + "default), lexicon (VADER sentiment words may matter), decoy (the dataset's decoy masks).")
    String mask;

    @Option(names = "--momentum", description = "μ of --optimizer sgd-momentum, in [0, 1). "
            + "Default ${DEFAULT-VALUE}.")
    double momentum = D.momentum();

    @Option(names = "--edits", description = "A dataset edit list (relabel, exclude, token/word/pixel masks) as the "
            + "workbench saves it beside the dataset (*.gradlens-edits.tsv), applied before training; its masks are "
            + "then what --mask dataset uses.")
    Path edits;

    @Option(names = "--out", required = true, description = "The bundle to write (.gradlens).")
    Path out;

    @Option(names = "--checkpoint-every", description = "Save the weights and learning rate "
            + "after every K-th epoch into <out>.checkpoints/ (what TracIn needs; 0: none). Default ${DEFAULT-VALUE}.")
    int checkpointEvery = D.checkpointEvery();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Completion candidates for --arch. */
    static final class ArchNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ArchNames() {
            super(List.of("lstm", "gru", "rnn", "textcnn", "cnn", "mlp"));
        }
    }

    @Override
    public Integer call() throws Exception {
        TrainingSettings settings = settings();
        TrainingSpec trainingSpec = TrainingData.load(dataset, datasetOptions.settings(), edits, seed).spec(settings);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "training");
        boolean penalised = settings.penalty().active();
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches, StepResult result) {
                bar.update((long) (epoch - 1) * batches + batch, (long) epochs * batches,
                        String.format("epoch %d/%d loss %.4f", epoch, epochs, result.loss()));
            }

            @Override
            public void onEpoch(int epoch, Map<String, Double> metrics) {
                bar.clear();
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("epoch", epoch);
                metrics.forEach((k, v) -> {
                    if (!Double.isNaN(v) && (penalised || !k.contains("classification_loss")
                            && !k.contains("saliency_loss"))) {
                        line.put(k, v);
                    }
                });
                spec.commandLine().getOut().println(Json.line(line));
                spec.commandLine().getOut().flush();
            }
        };
        TrainingResult result;
        try {
            result = TrainingWorkflow.train(trainingSpec, TrainingSite.CLI, progress, Interrupt.token());
        } finally {
            bar.clear(); // a failure's one-line message starts on a clean line
        }
        if (result.model() instanceof TrainedModel.PriceRegression price) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("epochs", epochs);
            line.put("test_rmse", price.testRmse());
            spec.commandLine().getOut().println(Json.line(line));
            spec.commandLine().getOut().flush();
        }
        Optional<Path> checkpoints = result.save(out);
        spec.commandLine().getErr().println("wrote " + out);
        checkpoints.ifPresent(dir -> spec.commandLine().getErr().println("wrote " + result.checkpoints().size()
                + " checkpoints to " + dir));
        return 0;
    }

    /** The options as checked training settings. */
    TrainingSettings settings() {
        return TrainingSettings.builder()
                .architecture(arch == null ? Architecture.AUTO : Architecture.fromCliName(arch))
                .embeddingDim(embeddingDim).units(units).hidden(hidden).dropout(dropout)
                .epochs(epochs).batchSize(batchSize)
                .optimizer(OptimizerChoice.fromCliName(optimizer)).momentum(momentum).learningRate(learningRate)
                .seed(seed).shuffle(!noShuffle)
                .preparation(TrainingSettings.preparation(vocabSize, minCount, maxLength, limit))
                .penalty(new PenaltySettings(rrrLambda, ExplanationPenalty.Target.fromCliName(rrrTarget),
                        ExplanationPenalty.Attribution.fromCliName(rrrAttribution),
                        Optional.ofNullable(mask).map(MaskSource::fromCliName)))
                .init(init).checkpointEvery(checkpointEvery)
                .build();
    }
}
