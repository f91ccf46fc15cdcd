package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.saliency.SaliencyViewModel;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.cli.CliRun;
import io.gradlens.explain.Aggregation;
import io.gradlens.export.AttributionCsv;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's dataset saliency export (the Saliency tab's view model's request, through the
 * core service the Export menu calls) and {@code gradlens saliency --out} write byte-identical
 * files for the same model, dataset, split, method and parameters.
 */
class SaliencyExportParityTest {

    @TempDir
    static Path dir;
    static ExplainFixtures fixtures;
    static CoreWorkspace workspace;
    static WorkspaceEntry dataset;
    static CoreSaliencyService service;

    @BeforeAll
    static void workbench() throws Exception {
        fixtures = ExplainFixtures.in(dir);
        workspace = new CoreWorkspace(null, dir.resolve("edits"));
        dataset = workspace.openDataset(fixtures.data);
        workspace.openModel(fixtures.lstm);
        service = new CoreSaliencyService(workspace);
    }

    /** The request the Saliency tab's controls describe. */
    private static SaliencyRequest tabRequest(SaliencyMethod method) {
        SaliencyViewModel vm = new SaliencyViewModel(service, new ImmediateTaskRunner(),
                new RecordingErrorReporter(), new SimpleStringProperty());
        vm.methodProperty().set(method);
        vm.aggregationProperty().set(Aggregation.L2);
        vm.stepsProperty().set(7);
        vm.samplesProperty().set(3);
        vm.noiseProperty().set(0.2);
        return vm.request();
    }

    private static String gui(SaliencyMethod method, String file) throws Exception {
        Path out = dir.resolve("gui-" + file);
        int n = service.exportDataset(dataset, tabRequest(method), out, ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals(10, n);
        return Files.readString(out);
    }

    private static String cli(String method, String format, String file) throws Exception {
        Path out = dir.resolve("cli-" + file);
        CliRun run = CliRun.of("saliency", "--model", fixtures.lstm.toString(), "--dataset", fixtures.data.toString(),
                "--split", "test", "--method", method, "--aggregate", "l2", "--steps", "7", "--samples", "3",
                "--noise", "0.2", "--format", format, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(out);
    }

    @Test
    void smoothGradCsvIsByteIdentical() throws Exception {
        String gui = gui(SaliencyMethod.SMOOTHGRAD, "sg.csv");
        String cli = cli("smoothgrad", "csv", "sg.csv");
        assertEquals(cli, gui);
        List<String> lines = gui.lines().toList();
        assertEquals(AttributionCsv.HEADER, lines.get(0));
        for (String row : lines.subList(1, lines.size())) {
            assertTrue(row.endsWith(",samples=3;noise=0.2;noise-scale=relative;method-seed=0;aggregate=l2;"
                    + "output=logprob,parity.gradlens"), row);
            assertTrue(row.contains(",smoothgrad,test,"), row);
        }
    }

    @Test
    void integratedGradientsJsonlIsByteIdentical() throws Exception {
        String gui = gui(SaliencyMethod.INTEGRATED_GRADIENTS, "ig.jsonl");
        String cli = cli("integrated-gradients", "jsonl", "ig.jsonl");
        assertEquals(cli, gui);
        assertEquals(10, gui.lines().count());
        assertTrue(gui.lines().allMatch(l -> l.contains("\"parameters\":{\"steps\":7,\"rule\":\"trapezoid\","
                + "\"baseline\":\"zero\",\"aggregate\":\"l2\",\"output\":\"logprob\"}")
                && l.contains("\"model\":\"parity.gradlens\"")), gui);
    }

    @Test
    void gradientCsvIsByteIdentical() throws Exception {
        assertEquals(cli("gradient", "csv", "g.csv"), gui(SaliencyMethod.GRADIENT, "g.csv"));
    }
}
