package io.gradlens.cli;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetsDirectory;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.Architectures;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.Optimizer;
import io.gradlens.train.Sgd;
import io.gradlens.train.StepResult;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradlens train}: trains a classifier and writes a bundle, one JSON line per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier on a dataset (built-in name or file) and save it as a .gradlens bundle "
                + "(the tabular 'price' dataset trains the price regression model).%n"
                + "Prints one JSON line per epoch: epoch, loss, accuracy, val_loss, val_accuracy "
                + "(and classification_loss, saliency_loss with --rrr-lambda).")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, description = "Built-in dataset name or a dataset file/folder.")
    String dataset;

    @Option(names = "--arch", description = "Architecture: text ${COMPLETION-CANDIDATES}; default lstm for text, "
            + "cnn for images.", completionCandidates = ArchNames.class)
    String arch;

    @Option(names = "--embedding-dim", defaultValue = "64", description = "Embedding width (text). Default ${DEFAULT-VALUE}.")
    int embeddingDim;

    @Option(names = "--units", defaultValue = "64", description = "Recurrent units or text-CNN filters. Default ${DEFAULT-VALUE}.")
    int units;

    @Option(names = "--hidden", defaultValue = "128", description = "Dense hidden width (cnn, mlp). Default ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout before the output layer. Default ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--epochs", defaultValue = "5", description = "Default ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, sgd or sgd-momentum (μ = "
            + "--momentum). Default ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.001", description = "Learning rate. Default ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds weights, shuffling, dropout and generated "
            + "datasets. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--init", description = "Start from the weights of this bundle (same architecture).")
    Path init;

    @Option(names = "--no-shuffle", description = "Keep the training order.")
    boolean noShuffle;

    @Option(names = "--vocab-size", defaultValue = "20000", description = "Largest vocabulary (text). Default ${DEFAULT-VALUE}.")
    int vocabSize;

    @Option(names = "--min-count", defaultValue = "1", description = "Least count of a word in the vocabulary. "
            + "Default ${DEFAULT-VALUE}.")
    int minCount;

    @Option(names = "--max-length", defaultValue = "0", description = "Cut texts to this many tokens (0: no limit).")
    int maxLength;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training examples (0: all).")
    int limit;

    @Option(names = "--rrr-lambda", defaultValue = "0", description = "Weight λ of the explanation penalty "
            + "(Ross et al. 2017); 0 trains plainly.")
    double rrrLambda;

    @Option(names = "--rrr-target", defaultValue = "max-logprob", description = "max-logprob or sum-logprob.")
    String rrrTarget;

    @Option(names = "--rrr-attribution", defaultValue = "gradient", description = "What the penalty squares: "
            + "gradient (the paper's) or grad-x-input (recommended for text: learned embeddings can evade a plain "
            + "gradient penalty). Default ${DEFAULT-VALUE}.")
    String rrrAttribution;

    @Option(names = "--mask", description = "Relevance masks for the penalty: dataset (the masks the dataset carries; "
            + "default), lexicon (VADER sentiment words may matter), decoy (the dataset's decoy masks).")
    String mask;

    @Option(names = "--momentum", defaultValue = "0.9", description = "μ of --optimizer sgd-momentum, in [0, 1). "
            + "Default ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--edits", description = "A dataset edit list (relabel, exclude, token/word/pixel masks) as the "
            + "workbench saves it beside the dataset (*.gradlens-edits.tsv), applied before training; its masks are "
            + "then what --mask dataset uses.")
    Path edits;

    @Option(names = "--out", required = true, description = "The bundle to write (.gradlens).")
    Path out;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Save the weights and learning rate "
            + "after every K-th epoch into <out>.checkpoints/ (what TracIn needs; 0: none). Default ${DEFAULT-VALUE}.")
    int checkpointEvery;

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
        Dataset data = DatasetArgument.load(dataset, seed);
        if (edits != null) {
            if (!java.nio.file.Files.isRegularFile(edits)) {
                throw new IllegalArgumentException(edits + ": no such edit list");
            }
            data = io.gradlens.data.edits.DatasetEditFile.read(edits).apply(data).dataset();
        }
        if (data instanceof io.gradlens.data.TabularDataset table) {
            // A tabular dataset with the price layout trains the multi-input price model (--units hidden units).
            PriceModelTrainingRun.run(table, units, epochs, batchSize, learningRate, seed, hyperparameters(), out,
                    spec.commandLine().getOut());
            spec.commandLine().getErr().println("wrote " + out);
            return 0;
        }
        ExplanationPenalty penalty = mask != null || rrrLambda > 0
                ? new ExplanationPenalty(rrrLambda, ExplanationPenalty.Target.fromCliName(rrrTarget),
                        ExplanationPenalty.Attribution.fromCliName(rrrAttribution)) : null;
        Prepared prepared = prepare(data, penalty != null);
        Architectures.Sizes sizes = new Architectures.Sizes(embeddingDim, units, hidden, dropout);
        Sequential network = Architectures.build(prepared.arch, prepared.input, prepared.classes.size(), sizes, seed);
        if (init != null) {
            Classifier start = io.gradlens.workflow.models.ModelOpening.classifier(init, null, "train --init");
            Map<String, INDArray> weights = new LinkedHashMap<>();
            start.network().parameters().forEach((k, v) -> weights.put(k, v.value()));
            try {
                network.loadWeights(weights);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--init " + init + " does not fit this architecture: " + e.getMessage());
            }
        }
        Optimizer opt = switch (optimizer) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> new Sgd(learningRate);
            case "sgd-momentum" -> new Sgd(learningRate, momentum);
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer
                    + "'; use adam, sgd or sgd-momentum");
        };
        TrainingConfig config = new TrainingConfig(epochs, batchSize, seed, !noShuffle, penalty);
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "training");
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be 0 (none) or positive, got " + checkpointEvery);
        }
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
                    if (!Double.isNaN(v) && (penalty != null || !k.contains("classification_loss")
                            && !k.contains("saliency_loss"))) {
                        line.put(k, v);
                    }
                });
                spec.commandLine().getOut().println(Json.line(line));
                spec.commandLine().getOut().flush();
            }
        };
        CheckpointRecorder checkpoints = checkpointEvery > 0
                ? new CheckpointRecorder(network, opt, checkpointEvery, progress) : null;
        new Trainer(config, opt).fit(network, prepared.train, prepared.validation,
                checkpoints != null ? checkpoints : progress, CancellationToken.NONE);
        bar.clear();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", data.name());
        provenance.put("dataset_source", data.info().source());
        provenance.put("architecture", prepared.arch);
        provenance.put("hyperparameters", hyperparameters());
        provenance.put("seed", seed);
        provenance.put("gradlens_version", new GradLensCli.Version().getVersion()[0]);
        provenance.put("nd4j_version", "1.0.0-M2.1");
        provenance.put("java_version", System.getProperty("java.version"));
        provenance.put("created", Instant.now().toString());
        provenance.put("training_seconds", (System.nanoTime() - start) / 1e9);
        ModelBundle.write(new Classifier(network, prepared.input, prepared.classes, provenance), out);
        spec.commandLine().getErr().println("wrote " + out);
        if (checkpoints != null) {
            Path dir = InfluenceCache.defaultCheckpoints(out);
            checkpoints.save(dir);
            spec.commandLine().getErr().println("wrote " + checkpoints.checkpoints().size() + " checkpoints to " + dir);
        }
        return 0;
    }

    private Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("epochs", epochs);
        h.put("batch_size", batchSize);
        h.put("optimizer", optimizer);
        h.put("learning_rate", learningRate);
        h.put("embedding_dim", embeddingDim);
        h.put("units", units);
        h.put("hidden", hidden);
        h.put("dropout", dropout);
        h.put("vocab_size", vocabSize);
        h.put("min_count", minCount);
        h.put("max_length", maxLength);
        h.put("shuffle", !noShuffle);
        h.put("rrr_lambda", rrrLambda);
        h.put("rrr_target", rrrTarget);
        h.put("rrr_attribution", rrrAttribution);
        h.put("mask", mask);
        if (edits != null) {
            h.put("edits", edits.getFileName().toString());
        }
        h.put("limit", limit);
        return h;
    }

    private record Prepared(String arch, InputSpec input, List<String> classes, ExampleSet train,
                            ExampleSet validation) {
    }

    private Prepared prepare(Dataset data, boolean masks) throws java.io.IOException {
        if (data instanceof TextDataset text) {
            data = withMasks(text, masks);
        } else if (data instanceof ImageDataset images) {
            if (mask != null && !mask.equals("dataset") && !mask.equals("decoy")) {
                throw new IllegalArgumentException("--mask " + mask + " does not apply to images; use dataset or decoy");
            }
            if (masks && !images.train().hasMasks()) {
                throw new IllegalArgumentException("dataset '" + data.name() + "' has no pixel masks for the penalty; "
                        + "use decoy-mnist or a dataset with masks");
            }
        }
        DatasetPreparation.Prepared p = DatasetPreparation.prepare(data,
                new DatasetPreparation.Options(vocabSize, minCount, maxLength, limit), masks);
        String chosen = arch != null ? arch : data instanceof ImageDataset ? "cnn" : "lstm";
        return new Prepared(chosen, p.input(), p.classes(), p.train(), p.validation());
    }

    private TextDataset withMasks(TextDataset text, boolean masks) throws java.io.IOException {
        if (!masks) {
            return text;
        }
        String kind = mask == null ? "dataset" : mask;
        switch (kind) {
            case "lexicon":
                return BuiltInDatasets.vaderLexicon(DatasetsDirectory.locate()).annotate(text);
            case "dataset":
            case "decoy":
                boolean all = text.train().stream().allMatch(e -> e.tokenRelevance() != null);
                if (!all) {
                    throw new IllegalArgumentException("dataset '" + text.name() + "' carries no token masks; use "
                            + "--mask lexicon, or a dataset with a mask column");
                }
                if (kind.equals("decoy") && !text.name().startsWith("decoy")) {
                    throw new IllegalArgumentException("--mask decoy needs a decoy dataset such as decoy-text, got '"
                            + text.name() + "'");
                }
                return text;
            default:
                throw new IllegalArgumentException("unknown --mask '" + kind + "'; use dataset, lexicon or decoy");
        }
    }
}
