package io.gradlens.workflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.train.ExplanationPenalty;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every field of a training run is checked in one place, with the command line's option names. */
class TrainingSettingsTest {

    private static void refused(String expected, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void eachBadValueIsRefusedNamingItsOption() {
        refused("epochs must be at least 1, got 0 (--epochs)", () -> TrainingSettings.builder().epochs(0).build());
        refused("batch size must be at least 1, got -3 (--batch-size)",
                () -> TrainingSettings.builder().batchSize(-3).build());
        refused("embedding width must be at least 1, got 0 (--embedding-dim)",
                () -> TrainingSettings.builder().embeddingDim(0).build());
        refused("units must be at least 1, got 0 (--units)", () -> TrainingSettings.builder().units(0).build());
        refused("hidden width must be at least 1, got 0 (--hidden)",
                () -> TrainingSettings.builder().hidden(0).build());
        refused("dropout must lie in [0, 1), got 1.0 (--dropout)", () -> TrainingSettings.builder().dropout(1).build());
        refused("momentum must lie in [0, 1), got -0.1 (--momentum)",
                () -> TrainingSettings.builder().momentum(-0.1).build());
        refused("learning rate must be a finite number > 0, got 0.0 (--lr)",
                () -> TrainingSettings.builder().learningRate(0).build());
        refused("learning rate must be a finite number > 0, got NaN (--lr)",
                () -> TrainingSettings.builder().learningRate(Double.NaN).build());
        refused("--checkpoint-every must be 0 (none) or positive, got -1",
                () -> TrainingSettings.builder().checkpointEvery(-1).build());
        refused("the penalty weight \u03bb must be a finite number \u2265 0, got -1.0 (--rrr-lambda)",
                () -> PenaltySettings.of(-1, ExplanationPenalty.Target.MAX_LOG_PROB,
                        ExplanationPenalty.Attribution.GRADIENT));
    }

    @Test
    void preparationOptionsAreRefusedNamingTheirOption() {
        refused("vocabulary size must be at least 3 (padding, unknown and one word), got 2 (--vocab-size)",
                () -> TrainingSettings.preparation(2, 1, 0, 0));
        refused("min count must be at least 1, got 0 (--min-count)", () -> TrainingSettings.preparation(10, 0, 0, 0));
        refused("max length must be 0 (no limit) or positive, got -1 (--max-length)",
                () -> TrainingSettings.preparation(10, 1, -1, 0));
        refused("limit must be 0 (all) or positive, got -5 (--limit)", () -> TrainingSettings.preparation(10, 1, 0, -5));
        assertEquals(40, TrainingSettings.preparation(10, 2, 30, 40).limit());
    }

    @Test
    void namesAreParsedOrRefusedWithTheChoices() {
        assertEquals(Architecture.GRU, Architecture.fromCliName("GRU"));
        assertEquals(OptimizerChoice.SGD_MOMENTUM, OptimizerChoice.fromCliName("sgd-momentum"));
        assertEquals(MaskSource.LEXICON, MaskSource.fromCliName("lexicon"));
        refused("unknown architecture 'transformer'; use one of [auto, lstm, gru, rnn, textcnn, cnn, mlp, price] "
                + "(--arch)", () -> Architecture.fromCliName("transformer"));
        refused("unknown optimizer 'rmsprop'; use adam, sgd or sgd-momentum", () -> OptimizerChoice.fromCliName("rmsprop"));
        refused("unknown --mask 'all'; use dataset, lexicon or decoy", () -> MaskSource.fromCliName("all"));
    }

    @Test
    void thePenaltyTakesPartWithAWeightOrANamedMaskSource() {
        assertFalse(PenaltySettings.NONE.active());
        assertFalse(PenaltySettings.NONE.toCore().isPresent());
        assertTrue(PenaltySettings.NONE.withLambda(0.5).active());
        PenaltySettings masksOnly = new PenaltySettings(0, ExplanationPenalty.Target.SUM_LOG_PROB,
                ExplanationPenalty.Attribution.GRADIENT, Optional.of(MaskSource.DATASET));
        assertTrue(masksOnly.active());
        assertEquals(0.0, masksOnly.toCore().orElseThrow().lambda());
    }

    @Test
    void hyperparametersUseTheCommandLineNamesBundlesHaveAlwaysHad() {
        TrainingSettings s = TrainingSettings.builder().optimizer(OptimizerChoice.SGD_MOMENTUM).momentum(0.5)
                .checkpointEvery(2).build();
        assertEquals(List.of("epochs", "batch_size", "optimizer", "learning_rate", "momentum", "embedding_dim", "units",
                "hidden", "dropout", "vocab_size", "min_count", "max_length", "shuffle", "rrr_lambda", "rrr_target",
                "rrr_attribution", "mask", "limit", "checkpoint_every"), List.copyOf(s.hyperparameters().keySet()));
        assertEquals("sgd-momentum", s.hyperparameters().get("optimizer"));
        assertEquals(0.5, s.hyperparameters().get("momentum"));
        assertEquals(2, s.hyperparameters().get("checkpoint_every"));
        assertFalse(TrainingSettings.DEFAULTS.hyperparameters().containsKey("momentum"));
    }
}
