package io.gradlens.experiment;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-dimension variant runs in the {@link Trainer}: its gradient × input form is the project's
 * {@link ExplanationPenalty} with {@code GRADIENT_X_INPUT} (Σ_e x·∂S/∂x per token, squared on the
 * masked tokens), so both train to the same weights from the same seed.
 */
class PerDimensionTokenPenaltyTest {

    @Test
    void itsGradientTimesInputFormTrainsAsTheProjectsPenaltyDoes() throws Exception {
        TextDataset decoy = (TextDataset) BuiltInDatasets.load("decoy-text", 1);
        List<List<String>> texts = new ArrayList<>();
        for (TextExample e : decoy.train()) {
            texts.add(e.tokens());
        }
        Vocabulary vocabulary = Vocabulary.build(texts, 1, 20_000);
        ExampleSet train = DecoyExperiment.subset(MaskedExamples.tokens(decoy.train(), vocabulary, true), 48);
        double lambda = 50;
        ExplanationPenalty.Target target = ExplanationPenalty.Target.SUM_LOG_PROB;

        Sequential variant = DecoyExperiment.textCnn(vocabulary.size(), 2, 5);
        PerDimensionTokenPenalty.fit(variant, train, new Adam(1e-2), 2, 16, 5, lambda, target, true);
        Sequential reference = DecoyExperiment.textCnn(vocabulary.size(), 2, 5);
        new Trainer(new TrainingConfig(2, 16, 5, true, new ExplanationPenalty(lambda, target,
                ExplanationPenalty.Attribution.GRADIENT_X_INPUT)), new Adam(1e-2))
                .fit(reference, train, null, TrainingListener.NONE, CancellationToken.NONE);

        Sequential untrained = DecoyExperiment.textCnn(vocabulary.size(), 2, 5);
        double moved = 0;
        for (String name : reference.parameters().keySet()) {
            double[] a = variant.parameters().get(name).value().dup().data().asDouble();
            double[] b = reference.parameters().get(name).value().dup().data().asDouble();
            double[] c = untrained.parameters().get(name).value().dup().data().asDouble();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-5 * Math.max(1, Math.abs(b[i])), name + "[" + i + "]");
                moved = Math.max(moved, Math.abs(b[i] - c[i]));
            }
        }
        assertTrue(moved > 1e-3, "training changed the weights: " + moved);
    }
}
