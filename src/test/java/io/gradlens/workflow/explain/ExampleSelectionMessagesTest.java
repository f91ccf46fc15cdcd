package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.cli.CliRun;
import io.gradlens.data.edits.Split;
import io.gradlens.io.ModelBundle;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that does not fit a dataset, or a split that does not exist, is refused with the same
 * one-line message by the command line (exit 2) and by the workbench.
 */
class ExampleSelectionMessagesTest {

    @TempDir
    static Path dir;
    static ExplainFixtures fixtures;

    @BeforeAll
    static void model() throws Exception {
        fixtures = ExplainFixtures.in(dir);
    }

    private static String cliError(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err() + run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        return run.err();
    }

    @Test
    void aForeignVocabularyIsTheSameMismatchInBoth() throws Exception {
        CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits-vocabulary"));
        WorkspaceEntry foreign = workspace.openDataset(fixtures.foreign);
        workspace.openModel(fixtures.lstm);
        String gui = assertThrows(IllegalArgumentException.class, () ->
                new CoreSaliencyService(workspace).exportDataset(foreign, SaliencyRequest.defaults(),
                        dir.resolve("never.jsonl"), ProgressListener.NONE, CancellationToken.NONE)).getMessage();
        assertTrue(gui.contains("dataset 'foreign") && gui.contains("vocabulary"), gui);
        String cli = cliError("saliency", "--model", fixtures.lstm.toString(), "--dataset", fixtures.foreign.toString());
        assertTrue(cli.contains(gui), cli + " vs " + gui);
        assertTrue(cliError("predict", "--model", fixtures.lstm.toString(), "--dataset", fixtures.foreign.toString())
                .contains(gui));
    }

    @Test
    void anImageShapeMismatchIsTheSameInBoth() throws Exception {
        CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits-shape"));
        workspace.openModel(fixtures.smallImage);
        WorkspaceEntry digits = workspace.entry("builtin:digits").orElseThrow();
        String listing = workspace.fit(digits.id(), workspace.currentModelEntry().orElseThrow().id()).reasonLine();
        assertTrue(workspace.examples(digits, ProgressListener.NONE, CancellationToken.NONE).stream()
                .noneMatch(Example::hasPrediction), "the listing has no predictions");
        String export = assertThrows(IllegalArgumentException.class, () ->
                new CoreSaliencyService(workspace).exportDataset(digits, SaliencyRequest.defaults(),
                        dir.resolve("never.csv"), ProgressListener.NONE, CancellationToken.NONE)).getMessage();
        assertEquals(listing, export);
        assertTrue(listing.contains("'digits'") && listing.contains(ModelBundle.read(fixtures.smallImage)
                .describeInput()), listing);
        String cli = cliError("saliency", "--model", fixtures.smallImage.toString(), "--dataset", "digits",
                "--limit", "2");
        assertTrue(cli.contains(listing), cli + " vs " + listing);
        assertTrue(cliError("predict", "--model", fixtures.smallImage.toString(), "--dataset", "digits")
                .contains(listing));
    }

    @Test
    void aTextModelOnAnImageDatasetIsTheSameInBoth() throws Exception {
        CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits-kind"));
        workspace.openModel(fixtures.lstm);
        WorkspaceEntry digits = workspace.entry("builtin:digits").orElseThrow();
        String gui = workspace.fit(digits.id(), workspace.currentModelEntry().orElseThrow().id()).reasonLine();
        assertFalse(gui.isEmpty());
        String cli = cliError("saliency", "--model", fixtures.lstm.toString(), "--dataset", "digits");
        assertTrue(cli.contains(gui), cli + " vs " + gui);
    }

    @Test
    void anUnknownSplitNameIsTheSameForEveryCommand() throws Exception {
        String message = assertThrows(IllegalArgumentException.class, () -> ExampleSelection.split("validation"))
                .getMessage();
        assertTrue(message.contains("'validation'"), message);
        assertEquals(Split.TEST, ExampleSelection.split("test"));
        for (String command : new String[] {"saliency", "predict"}) {
            String cli = cliError(command, "--model", fixtures.lstm.toString(), "--dataset",
                    fixtures.data.toString(), "--split", "validation");
            assertTrue(cli.contains(message), cli);
        }
    }
}
