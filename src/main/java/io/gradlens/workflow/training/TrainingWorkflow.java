package io.gradlens.workflow.training;

import io.gradlens.autodiff.Tensor;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetsDirectory;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TabularSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.PriceModel;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Architectures;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.Optimizer;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.ModelProvenance;
import io.gradlens.workflow.RuntimeVersions;
import io.gradlens.workflow.TrainingSite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a model as {@code bin/gradlens train}, the workbench and the experiments all do: prepares
 * the data ({@link DatasetPreparation}; the relevance masks of the explanation penalty from the
 * dataset, the VADER lexicon or the decoys), builds the architecture ({@link Architectures}, or the
 * caller's {@link CustomNetwork}) or starts from a bundle's weights ({@link InitialModel}: with that
 * bundle's vocabulary and class names), runs the {@link Trainer} with per-batch and per-epoch metrics
 * to a listener (and TracIn snapshots, {@link CheckpointRecorder}), and records the typed
 * {@link ModelProvenance}. A tabular dataset with the price layout trains the price regression
 * model ({@link PriceModelTraining}) instead. The trainer checks the cancellation token before
 * every batch.
 */
public final class TrainingWorkflow {

    private TrainingWorkflow() {
    }

    /**
     * Runs {@code spec}.
     *
     * @param site     where this run happens, recorded as {@code trained_in}
     * @param listener receives the metrics of every batch and epoch (on this thread)
     * @param cancel   checked before every batch
     * @throws IllegalArgumentException when the data and settings do not fit together, naming why
     * @throws io.gradlens.util.CancellationToken.CancelledException when cancelled
     */
    public static TrainingResult train(TrainingSpec spec, TrainingSite site, TrainingListener listener,
                                       CancellationToken cancel) throws IOException {
        if (spec.dataset() instanceof TabularDataset table) {
            return trainPrice(spec, table, site, cancel);
        }
        TrainingSettings s = spec.settings();
        long start = System.nanoTime();
        String arch = architecture(spec);
        boolean masks = s.penalty().active();
        Dataset data = withMasks(spec.dataset(), s.penalty());
        Optional<InitialModel> init = s.init().isPresent()
                ? Optional.of(InitialModel.open(s.init().get(), data)) : Optional.empty();
        Optional<Vocabulary> vocabulary = init.isPresent() ? init.get().vocabulary() : spec.vocabulary();
        DatasetPreparation.Prepared prepared = DatasetPreparation.prepare(data, s.preparation(), masks, vocabulary);
        if (masks && !prepared.train().hasRelevance()) {
            throw noMasks(data);
        }
        init.ifPresent(m -> m.checkFits(data, prepared.classes(), prepared.input()));
        Sequential network = spec.network().isPresent()
                ? spec.network().get().factory().build(prepared.input(), prepared.classes().size(), s.seed())
                : Architectures.build(arch, prepared.input(), prepared.classes().size(), s.sizes(), s.seed());
        init.ifPresent(m -> m.loadInto(network));
        Optimizer optimizer = s.optimizer().create(s.learningRate(), s.momentum());
        CheckpointRecorder checkpoints = s.checkpointEvery() > 0
                ? new CheckpointRecorder(network, optimizer, s.checkpointEvery(), listener) : null;
        Optional<Trainer.Step> step = spec.network().flatMap(CustomNetwork::step);
        Trainer trainer = step.isPresent() ? new Trainer(s.trainerConfig(), optimizer, step.get())
                : new Trainer(s.trainerConfig(), optimizer);
        List<Map<String, Double>> history = trainer.fit(network, prepared.train(), prepared.validation(),
                checkpoints != null ? checkpoints : listener, cancel);
        ModelProvenance provenance = provenance(spec, arch, site, (System.nanoTime() - start) / 1e9);
        if (vocabulary.isPresent()) {
            // vocab_size and min_count in the hyperparameters did not build this vocabulary
            provenance = provenance.withExtra("vocabulary_from", init.isPresent() ? "init" : "caller");
        }
        Classifier model = new Classifier(network, prepared.input(), prepared.classes(), provenance.toMap());
        return new TrainingResult(new TrainedModel.Classification(model), provenance,
                checkpoints != null ? checkpoints.checkpoints() : List.of(), history);
    }

    /**
     * The architecture's recorded name: the caller-built network's, or the named one resolved for the data.
     *
     * @throws IllegalArgumentException when the named architecture is the price model (text or images here)
     */
    private static String architecture(TrainingSpec spec) {
        if (spec.network().isPresent()) {
            return spec.network().get().name();
        }
        boolean images = spec.dataset() instanceof ImageDataset;
        Architecture arch = spec.settings().architecture().resolve(images ? Architecture.DataKind.IMAGE
                : Architecture.DataKind.TEXT);
        if (arch == Architecture.PRICE) {
            throw new IllegalArgumentException("architecture 'price' takes a table with the price layout; dataset '"
                    + spec.dataset().name() + "' is not one");
        }
        return arch.cliName();
    }

    private static TrainingResult trainPrice(TrainingSpec spec, TabularDataset table, TrainingSite site,
                                             CancellationToken cancel) throws IOException {
        TrainingSettings s = spec.settings();
        Architecture arch = s.architecture().resolve(Architecture.DataKind.TABULAR);
        if (arch != Architecture.PRICE) {
            throw new IllegalArgumentException("architecture '" + arch.cliName() + "' does not take a table; dataset '"
                    + table.name() + "' trains the price model (--arch price)");
        }
        if (s.penalty().active() || s.init().isPresent() || s.checkpointEvery() > 0 || spec.network().isPresent()) {
            throw new IllegalArgumentException("the price model trains without an explanation penalty, --init or "
                    + "checkpoints; dataset '" + table.name() + "' is a table");
        }
        long start = System.nanoTime();
        PriceModel model = PriceModelTraining.fit(table, s.units(), s.epochs(), s.batchSize(), s.learningRate(),
                DataType.FLOAT, s.seed(), cancel);
        double rmse = testRmse(model, table);
        ModelProvenance provenance = provenance(spec, arch.cliName(), site, (System.nanoTime() - start) / 1e9)
                .withExtra("test_rmse", rmse);
        return new TrainingResult(new TrainedModel.PriceRegression(model, rmse), provenance, List.of(), List.of());
    }

    /** The typed provenance of a run of {@code spec} that built {@code arch} (its name) and took {@code seconds}. */
    static ModelProvenance provenance(TrainingSpec spec, String arch, TrainingSite site, double seconds)
            throws IOException {
        DatasetSource source = spec.source();
        ModelProvenance.DatasetProvenance dataset = new ModelProvenance.DatasetProvenance(
                Optional.of(spec.dataset().name()), Optional.ofNullable(spec.dataset().info().source()),
                source.file().map(Path::toString),
                source.builtIn().isPresent() || source.file().isPresent()
                        ? Optional.of(source.builtIn().isPresent()) : Optional.empty(),
                DatasetFingerprint.of(source), source.edits());
        return new ModelProvenance(Optional.of(RuntimeVersions.gradlens()), Optional.of(RuntimeVersions.nd4j()),
                dataset, Optional.of(arch), spec.settings().hyperparameters(),
                OptionalLong.of(spec.settings().seed()), Optional.of(RuntimeVersions.java()),
                Optional.of(RuntimeVersions.jvm()), Optional.of(RuntimeVersions.os()), Optional.of(Instant.now()),
                OptionalDouble.of(seconds), Optional.of(site),
                source.reading().isEmpty() ? Map.of() : Map.of("dataset_reading", source.reading()));
    }

    /** The dataset with the masks the penalty reads, checked against the mask source. */
    private static Dataset withMasks(Dataset data, PenaltySettings penalty) throws IOException {
        if (!penalty.active()) {
            return data;
        }
        MaskSource kind = penalty.mask().orElse(MaskSource.DATASET);
        if (data instanceof ImageDataset images) {
            if (kind == MaskSource.LEXICON) {
                throw new IllegalArgumentException("--mask lexicon does not apply to images; use dataset or decoy");
            }
            if (!images.train().hasMasks()) {
                throw new IllegalArgumentException("dataset '" + data.name() + "' has no pixel masks for the "
                        + "penalty; mark pixels in the Saliency tab first, or use decoy-mnist or a dataset with masks");
            }
            return data;
        }
        TextDataset text = (TextDataset) data;
        if (kind == MaskSource.LEXICON) {
            return BuiltInDatasets.vaderLexicon(DatasetsDirectory.locate()).annotate(text);
        }
        if (!text.train().stream().allMatch(e -> e.tokenRelevance() != null)) {
            throw noMasks(text);
        }
        if (kind == MaskSource.DECOY && !text.name().startsWith("decoy")) {
            throw new IllegalArgumentException("--mask decoy needs a decoy dataset such as decoy-text, got '"
                    + text.name() + "'");
        }
        return text;
    }

    private static IllegalArgumentException noMasks(Dataset data) {
        return new IllegalArgumentException("dataset '" + data.name() + "' carries no token masks for the "
                + "explanation penalty: mark tokens or pixels in the Saliency tab first, use --mask lexicon, or a "
                + "dataset with a mask column (or set \u03bb to 0 for plain training)");
    }

    /** The root mean squared error of the price on the table's test split. */
    static double testRmse(PriceModel model, TabularDataset data) {
        TabularSplit test = data.test();
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        PriceModelTraining.inputs(model, test, data, 0).forEach((name, rows) ->
                inputs.put(name, Tensor.constant(Nd4j.createFromArray(rows).castTo(model.dtype()))));
        double[] predicted = model.forward(inputs, ForwardContext.inference()).value().castTo(DataType.DOUBLE)
                .reshape(-1).toDoubleVector();
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - test.targets()[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }
}
