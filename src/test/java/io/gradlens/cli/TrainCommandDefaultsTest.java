package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.workflow.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The train command's option defaults are the one set of training defaults, and it checks through them. */
class TrainCommandDefaultsTest {

    @Test
    void optionDefaultsAreTheSettingsDefaults() {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs("--dataset", "sentences", "--out", "m.gradlens");
        assertEquals(TrainingSettings.DEFAULTS, command.settings());
    }

    @Test
    void helpShowsTheSettingsDefaults() {
        String help = CliRun.of("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Embedding width (text). Default " + TrainingSettings.DEFAULTS.embeddingDim() + "."),
                help);
        assertTrue(help.contains("Learning rate. Default " + TrainingSettings.DEFAULTS.learningRate() + "."), help);
        assertTrue(help.contains("adam, sgd or sgd-momentum (μ = --momentum). Default adam."), help);
    }

    @Test
    void aBadOptionFailsWithTheSettingsMessageAndExitCodeTwo() {
        CliRun run = CliRun.of("train", "--dataset", "sentences", "--lr", "0", "--out", "m.gradlens");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("learning rate must be a finite number > 0, got 0.0 (--lr)"), run.err());
        CliRun optimizer = CliRun.of("train", "--dataset", "sentences", "--optimizer", "rmsprop", "--out", "m.gradlens");
        assertEquals(2, optimizer.exitCode(), optimizer.err());
        assertTrue(optimizer.err().contains("unknown optimizer 'rmsprop'"), optimizer.err());
    }
}
