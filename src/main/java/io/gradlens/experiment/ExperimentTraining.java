package io.gradlens.experiment;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.Sequential;
import io.gradlens.train.DatasetPreparation;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.TrainingSite;
import io.gradlens.workflow.training.OptimizerChoice;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainedModel;
import io.gradlens.workflow.training.TrainingResult;
import io.gradlens.workflow.training.TrainingSettings;
import io.gradlens.workflow.training.TrainingSpec;
import io.gradlens.workflow.training.TrainingWorkflow;
import java.io.IOException;

/**
 * What the experiments share about a training run: their settings (Adam with step 1e-3, seeded
 * shuffling, the first {@code trainSize} training examples) and the run itself, which goes through
 * {@link TrainingWorkflow} as every other training does and is recorded as {@code trained_in: experiment};
 * then the accuracy of the trained network on the prepared splits.
 */
final class ExperimentTraining {

    /** Adam's step size in both papers' set-ups (Ross et al. 2017; the mislabel MLP likewise). */
    static final double LEARNING_RATE = 1e-3;

    /** Examples per evaluation batch (accuracy does not depend on it). */
    private static final int EVALUATION_BATCH = 256;

    private ExperimentTraining() {
    }

    /**
     * The settings of one experiment run.
     *
     * @param trainSize       training examples to use (0 = all)
     * @param checkpointEvery TracIn snapshots every K epochs (0: none)
     */
    static TrainingSettings settings(int epochs, int batchSize, long seed, int trainSize, PenaltySettings penalty,
                                     int checkpointEvery) {
        DatasetPreparation.Options d = TrainingSettings.DEFAULTS.preparation();
        return TrainingSettings.builder().epochs(epochs).batchSize(batchSize).seed(seed).shuffle(true)
                .optimizer(OptimizerChoice.ADAM).learningRate(LEARNING_RATE)
                .preparation(TrainingSettings.preparation(d.vocabSize(), d.minCount(), d.maxLength(), trainSize))
                .penalty(penalty).checkpointEvery(checkpointEvery).build();
    }

    /** Trains {@code spec} through the workflow (not cancellable: an experiment runs to the end). */
    static TrainingResult train(TrainingSpec spec, TrainingListener listener) throws IOException {
        return TrainingWorkflow.train(spec, TrainingSite.EXPERIMENT, listener, CancellationToken.NONE);
    }

    /** The classifier a text or image run produced. */
    static Classifier classifier(TrainingResult result) {
        return ((TrainedModel.Classification) result.model()).classifier();
    }

    /** The training and test examples {@code spec} trains and validates on (without masks). */
    static DatasetPreparation.Prepared examples(TrainingSpec spec) {
        return DatasetPreparation.prepare(spec.dataset(), spec.settings().preparation(), false, spec.vocabulary());
    }

    /** The accuracy of {@code network} on {@code examples}. */
    static double accuracy(Sequential network, ExampleSet examples) {
        return Trainer.evaluate(network, examples, null, EVALUATION_BATCH, CancellationToken.NONE).accuracy();
    }
}
