package io.gradlens.workflow.training;

import io.gradlens.train.Architectures;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.TrainingConfig;
import io.gradlens.util.WorkLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to train, everything but the data: the one place where training's defaults (those of
 * {@code bin/gradlens train}, {@link #DEFAULTS}) and its checks live. The workbench's form starts
 * from the same defaults. Every check throws {@link IllegalArgumentException} naming the field and
 * its command-line option.
 *
 * @param architecture    what to build ({@link Architecture#AUTO}: by the data)
 * @param embeddingDim    embedding width (text)
 * @param units           recurrent units, text-CNN filters, or the price model's hidden units
 * @param hidden          dense hidden width (cnn, mlp)
 * @param dropout         dropout rate before the output layer, in [0, 1)
 * @param epochs          passes over the training set
 * @param batchSize       examples per step
 * @param optimizer       the optimizer
 * @param momentum        μ of {@link OptimizerChoice#SGD_MOMENTUM}, in [0, 1)
 * @param learningRate    the step size
 * @param seed            seeds weights, shuffling and dropout
 * @param shuffle         whether to shuffle the training set each epoch
 * @param preparation     vocabulary and size limits
 * @param penalty         the explanation penalty ({@link PenaltySettings#NONE}: plain training)
 * @param init            start from this bundle's weights (same architecture), if given
 * @param checkpointEvery snapshot the weights after every K-th epoch for TracIn (0: none)
 */
public record TrainingSettings(Architecture architecture, int embeddingDim, int units, int hidden, double dropout,
                               int epochs, int batchSize, OptimizerChoice optimizer, double momentum,
                               double learningRate, long seed, boolean shuffle,
                               DatasetPreparation.Options preparation, PenaltySettings penalty, Optional<Path> init,
                               int checkpointEvery) {

    /** The defaults of {@code bin/gradlens train}. */
    public static final TrainingSettings DEFAULTS = new TrainingSettings(Architecture.AUTO,
            Architectures.Sizes.DEFAULT.embeddingDim(), Architectures.Sizes.DEFAULT.units(),
            Architectures.Sizes.DEFAULT.hidden(), Architectures.Sizes.DEFAULT.dropout(), 5, 32, OptimizerChoice.ADAM,
            0.9, 0.001, 0L, true, DatasetPreparation.Options.DEFAULT, PenaltySettings.NONE, Optional.empty(), 0);

    /** Checks every field. */
    public TrainingSettings {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(preparation, "preparation");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(init, "init");
        atLeastOne("embedding width", embeddingDim, "--embedding-dim");
        atLeastOne("units", units, "--units");
        atLeastOne("hidden width", hidden, "--hidden");
        atLeastOne("epochs", epochs, "--epochs");
        atLeastOne("batch size", batchSize, "--batch-size");
        WorkLimits.batchSize(batchSize, "--batch-size");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout + " (--dropout)");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum + " (--momentum)");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate
                    + " (--lr)");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be 0 (none) or positive, got "
                    + checkpointEvery);
        }
    }

    private static void atLeastOne(String what, int value, String option) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value + " (" + option + ")");
        }
    }

    /**
     * Preparation options, checked with the command line's option names.
     *
     * @throws IllegalArgumentException naming the first bad value and its option
     */
    public static DatasetPreparation.Options preparation(int vocabSize, int minCount, int maxLength, int limit) {
        if (vocabSize < 3) {
            throw new IllegalArgumentException("vocabulary size must be at least 3 (padding, unknown and one "
                    + "word), got " + vocabSize + " (--vocab-size)");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("min count must be at least 1, got " + minCount + " (--min-count)");
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("max length must be 0 (no limit) or positive, got " + maxLength
                    + " (--max-length)");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or positive, got " + limit + " (--limit)");
        }
        return new DatasetPreparation.Options(vocabSize, minCount, maxLength, limit);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from {@link #DEFAULTS}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** The layer sizes for {@link Architectures#build}. */
    public Architectures.Sizes sizes() {
        return new Architectures.Sizes(embeddingDim, units, hidden, dropout);
    }

    /** The core trainer's configuration, with the penalty's core form. */
    public TrainingConfig trainerConfig() {
        return new TrainingConfig(epochs, batchSize, seed, shuffle, penalty.toCore().orElse(null));
    }

    /**
     * The settings by their command-line names, as a bundle's provenance records them under
     * {@code hyperparameters} (the keys bundles have always had, plus momentum, checkpoint_every, init).
     */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("epochs", epochs);
        h.put("batch_size", batchSize);
        h.put("optimizer", optimizer.cliName());
        h.put("learning_rate", learningRate);
        if (optimizer == OptimizerChoice.SGD_MOMENTUM) {
            h.put("momentum", momentum);
        }
        h.put("embedding_dim", embeddingDim);
        h.put("units", units);
        h.put("hidden", hidden);
        h.put("dropout", dropout);
        h.put("vocab_size", preparation.vocabSize());
        h.put("min_count", preparation.minCount());
        h.put("max_length", preparation.maxLength());
        h.put("shuffle", shuffle);
        h.put("rrr_lambda", penalty.lambda());
        h.put("rrr_target", penalty.target().cliName());
        h.put("rrr_attribution", penalty.attribution().cliName());
        h.put("mask", penalty.mask().map(MaskSource::cliName).orElse(null));
        h.put("limit", preparation.limit());
        h.put("checkpoint_every", checkpointEvery);
        init.ifPresent(p -> h.put("init", p.getFileName().toString()));
        return h;
    }

    /** Builds {@link TrainingSettings}; {@link #build()} checks the fields. */
    public static final class Builder {
        private Architecture architecture;
        private int embeddingDim;
        private int units;
        private int hidden;
        private double dropout;
        private int epochs;
        private int batchSize;
        private OptimizerChoice optimizer;
        private double momentum;
        private double learningRate;
        private long seed;
        private boolean shuffle;
        private DatasetPreparation.Options preparation;
        private PenaltySettings penalty;
        private Optional<Path> init;
        private int checkpointEvery;

        private Builder(TrainingSettings s) {
            architecture = s.architecture;
            embeddingDim = s.embeddingDim;
            units = s.units;
            hidden = s.hidden;
            dropout = s.dropout;
            epochs = s.epochs;
            batchSize = s.batchSize;
            optimizer = s.optimizer;
            momentum = s.momentum;
            learningRate = s.learningRate;
            seed = s.seed;
            shuffle = s.shuffle;
            preparation = s.preparation;
            penalty = s.penalty;
            init = s.init;
            checkpointEvery = s.checkpointEvery;
        }

        /** @return this, building {@code a} */
        public Builder architecture(Architecture a) {
            architecture = a;
            return this;
        }

        /** @return this, with embedding width {@code e} */
        public Builder embeddingDim(int e) {
            embeddingDim = e;
            return this;
        }

        /** @return this, with {@code u} recurrent units / filters / price hidden units */
        public Builder units(int u) {
            units = u;
            return this;
        }

        /** @return this, with dense hidden width {@code h} */
        public Builder hidden(int h) {
            hidden = h;
            return this;
        }

        /** @return this, with dropout rate {@code d} */
        public Builder dropout(double d) {
            dropout = d;
            return this;
        }

        /** @return this, training {@code n} epochs */
        public Builder epochs(int n) {
            epochs = n;
            return this;
        }

        /** @return this, with {@code n} examples per step */
        public Builder batchSize(int n) {
            batchSize = n;
            return this;
        }

        /** @return this, with optimizer {@code o} */
        public Builder optimizer(OptimizerChoice o) {
            optimizer = o;
            return this;
        }

        /** @return this, with momentum μ for sgd-momentum */
        public Builder momentum(double mu) {
            momentum = mu;
            return this;
        }

        /** @return this, with step size {@code lr} */
        public Builder learningRate(double lr) {
            learningRate = lr;
            return this;
        }

        /** @return this, with seed {@code s} */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** @return this, shuffling each epoch or not */
        public Builder shuffle(boolean on) {
            shuffle = on;
            return this;
        }

        /** @return this, with these preparation options */
        public Builder preparation(DatasetPreparation.Options o) {
            preparation = o;
            return this;
        }

        /** @return this, with this explanation penalty */
        public Builder penalty(PenaltySettings p) {
            penalty = p;
            return this;
        }

        /** @return this, starting from the weights of {@code bundle} (null: fresh weights) */
        public Builder init(Path bundle) {
            init = Optional.ofNullable(bundle);
            return this;
        }

        /** @return this, snapshotting after every {@code k}-th epoch (0: never) */
        public Builder checkpointEvery(int k) {
            checkpointEvery = k;
            return this;
        }

        /** @return the checked settings */
        public TrainingSettings build() {
            return new TrainingSettings(architecture, embeddingDim, units, hidden, dropout, epochs, batchSize,
                    optimizer, momentum, learningRate, seed, shuffle, preparation, penalty, init, checkpointEvery);
        }
    }
}
