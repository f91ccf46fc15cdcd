package io.gradlens.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.BuiltInDatasets;
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
import io.gradlens.workflow.ModelProvenance;
import io.gradlens.workflow.TrainingSite;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.MaskSource;
import io.gradlens.workflow.training.PenaltySettings;
import io.gradlens.workflow.training.TrainingResult;
import io.gradlens.workflow.training.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The experiments train through the training workflow with their own networks: a run there gives the
 * same weights as the {@link Trainer} called directly with the experiment's settings (as the
 * experiments did before), and records {@code trained_in: experiment} and the network's name.
 */
class ExperimentTrainingTest {

    private static final int EPOCHS = 2;
    private static final int BATCH = 16;
    private static final long SEED = 5;
    private static final int SIZE = 48;
    private static final double LAMBDA = 50;
    private static final ExplanationPenalty.Target TARGET = ExplanationPenalty.Target.SUM_LOG_PROB;

    private final TextDataset decoy = (TextDataset) BuiltInDatasets.load("decoy-text", 1);
    private final Vocabulary vocabulary = vocabulary(decoy);

    ExperimentTrainingTest() throws Exception {
    }

    private static Vocabulary vocabulary(TextDataset data) {
        List<List<String>> texts = new ArrayList<>();
        for (TextExample e : data.train()) {
            texts.add(e.tokens());
        }
        return Vocabulary.build(texts, 1, 20_000);
    }

    private TrainingSpec spec(ExplanationPenalty.Attribution attribution) {
        PenaltySettings penalty = new PenaltySettings(LAMBDA, TARGET, attribution, Optional.of(MaskSource.DATASET));
        return new TrainingSpec(decoy, DatasetSource.builtIn("decoy-text"),
                ExperimentTraining.settings(EPOCHS, BATCH, SEED, SIZE, penalty, 0)).with(vocabulary);
    }

    private ExampleSet maskedTrain() {
        return DecoyExperiment.subset(MaskedExamples.tokens(decoy.train(), vocabulary, true), SIZE);
    }

    private static void assertSameWeights(Sequential expected, Sequential actual) {
        for (String name : expected.parameters().keySet()) {
            assertArrayEquals(expected.parameters().get(name).value().dup().data().asDouble(),
                    actual.parameters().get(name).value().dup().data().asDouble(), 0, name);
        }
    }

    @Test
    void aPenalisedTextRunThroughTheWorkflowTrainsAsTheTrainerDirectly() throws Exception {
        TrainingResult result = ExperimentTraining.train(spec(ExplanationPenalty.Attribution.GRADIENT)
                .with(DecoyExperiment.textCnnNetwork()), TrainingListener.NONE);
        Sequential reference = DecoyExperiment.textCnn(vocabulary.size(), 2, SEED);
        new Trainer(new TrainingConfig(EPOCHS, BATCH, SEED, true, new ExplanationPenalty(LAMBDA, TARGET,
                ExplanationPenalty.Attribution.GRADIENT)), new Adam(ExperimentTraining.LEARNING_RATE))
                .fit(reference, maskedTrain(), null, TrainingListener.NONE, CancellationToken.NONE);
        Sequential trained = ExperimentTraining.classifier(result).network();
        assertSameWeights(reference, trained);
        assertTrue(ExperimentTraining.accuracy(trained, maskedTrain()) > 0, "the trained network is scored");

        ModelProvenance p = result.provenance();
        assertEquals(Optional.of(TrainingSite.EXPERIMENT), p.trainedIn());
        assertEquals(Optional.of("textcnn-32x3"), p.architecture());
        assertEquals("caller", p.extra().get("vocabulary_from"));
        assertEquals(vocabulary.tokens(), ExperimentTraining.classifier(result).tokens().vocabulary().tokens());
    }

    @Test
    void thePerDimensionObjectiveThroughTheWorkflowTrainsAsItsOwnFit() throws Exception {
        TrainingResult result = ExperimentTraining.train(spec(ExplanationPenalty.Attribution.GRADIENT)
                .with(DecoyExperiment.textCnnNetwork().withStep(PerDimensionTokenPenalty.objective(LAMBDA, TARGET,
                        false))), TrainingListener.NONE);
        Sequential reference = DecoyExperiment.textCnn(vocabulary.size(), 2, SEED);
        PerDimensionTokenPenalty.fit(reference, maskedTrain(), new Adam(ExperimentTraining.LEARNING_RATE), EPOCHS,
                BATCH, SEED, LAMBDA, TARGET, false);
        assertSameWeights(reference, ExperimentTraining.classifier(result).network());
    }
}
