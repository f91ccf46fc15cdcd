package io.gradlens.workflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.service.BatchMetrics;
import io.gradlens.app.service.EpochMetrics;
import io.gradlens.app.service.TrainingConfig;
import io.gradlens.app.service.TrainingListener;
import io.gradlens.cli.GradLensCli;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.ModelProvenance;
import io.gradlens.workflow.RuntimeVersions;
import io.gradlens.workflow.TrainingSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One spec trained through {@code bin/gradlens train} (in-process) and through the workbench's
 * {@link CoreTrainingService} gives the same weights and the same provenance, but for the date,
 * the duration and where it was trained; both keep the same TracIn checkpoints.
 */
class TrainingParityTest {

    @TempDir
    Path dir;

    private Path tinyTextSet() throws Exception {
        StringBuilder csv = new StringBuilder("text,label\n");
        String[] good = {"great film", "loved it", "wonderful acting", "great fun"};
        String[] bad = {"awful film", "hated it", "terrible acting", "awful mess"};
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < good.length; i++) {
                csv.append(good[i]).append(",1\n").append(bad[i]).append(",0\n");
            }
        }
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static final TrainingListener QUIET = new TrainingListener() {
        @Override
        public void onBatch(BatchMetrics metrics) {
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
        }
    };

    @Test
    void theCommandLineAndTheWorkbenchTrainTheSameModelWithTheSameProvenance() throws Exception {
        Path data = tinyTextSet();
        Path cliBundle = dir.resolve("cli.gradlens");
        StringWriter err = new StringWriter();
        int code = GradLensCli.execute(new String[] {"train", "--dataset", data.toString(), "--arch", "gru",
            "--epochs", "2", "--embedding-dim", "4", "--units", "5", "--hidden", "6", "--batch-size", "4",
            "--lr", "0.02", "--seed", "3", "--vocab-size", "500", "--checkpoint-every", "1",
            "--out", cliBundle.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());

        CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
        String id = workspace.openDataset(data).id();
        TrainingSettings settings = TrainingSettings.builder().architecture(Architecture.GRU).epochs(2)
                .embeddingDim(4).units(5).hidden(6).batchSize(4).learningRate(0.02).seed(3).checkpointEvery(1)
                .build();
        var gui = new CoreTrainingService(workspace, TrainingSettings.preparation(500, 1, 0, 0))
                .train(new TrainingConfig(id, settings), QUIET, CancellationToken.NONE);
        assertEquals(2, gui.checkpoints());
        Path guiBundle = dir.resolve("gui.gradlens");
        workspace.saveModel(gui.model(), guiBundle);

        Classifier fromCli = ModelBundle.read(cliBundle);
        Classifier fromGui = ModelBundle.read(guiBundle);
        ModelProvenance cli = ModelProvenance.fromMap(fromCli.provenance());
        ModelProvenance workbench = ModelProvenance.fromMap(fromGui.provenance());
        assertEquals(cli.withoutRunDetails(), workbench.withoutRunDetails());
        assertEquals(Optional.of(TrainingSite.CLI), cli.trainedIn());
        assertEquals(Optional.of(TrainingSite.WORKBENCH), workbench.trainedIn());
        assertTrue(cli.created().isPresent() && workbench.trainingSeconds().isPresent());

        // What the record says is true of this run.
        assertEquals(Optional.of(data.toAbsolutePath().normalize().toString()), cli.dataset().path());
        assertEquals(Optional.of(false), cli.dataset().builtIn());
        assertEquals(Optional.of(DatasetFingerprint.ofPath(data)), cli.dataset().sha256());
        assertEquals(Optional.of(RuntimeVersions.nd4j()), cli.nd4jVersion());
        assertEquals(Optional.of(RuntimeVersions.gradlens()), cli.gradlensVersion());
        assertEquals(Optional.of("gru"), cli.architecture());
        assertEquals(5, cli.hyperparameters().get("units"));
        assertEquals(500, cli.hyperparameters().get("vocab_size"));

        fromCli.network().parameters().forEach((name, w) ->
                assertEquals(w.value(), fromGui.network().parameters().get(name).value(), name));
        List<CheckpointRecorder.Checkpoint> a = CheckpointRecorder.load(InfluenceCache.defaultCheckpoints(cliBundle));
        List<CheckpointRecorder.Checkpoint> b = CheckpointRecorder.load(InfluenceCache.defaultCheckpoints(guiBundle));
        assertEquals(List.of(1, 2), a.stream().map(CheckpointRecorder.Checkpoint::epoch).toList());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).learningRate(), b.get(i).learningRate());
            for (String name : a.get(i).weights().keySet()) {
                assertEquals(a.get(i).weights().get(name), b.get(i).weights().get(name), name);
            }
        }
        // The last checkpoint is the final model.
        fromCli.network().parameters().forEach((name, w) -> assertEquals(w.value(), a.get(1).weights().get(name)));
    }

    @Test
    void aBuiltInDatasetRecordsItsShippedFilesSumAndAnEditListItsSize() throws Exception {
        TrainingData data = TrainingData.load("sentences", null, 0);
        assertEquals(DatasetSource.builtIn("sentences"), data.source());
        TrainingResult result = TrainingWorkflow.train(data.spec(TrainingSettings.builder().architecture(
                Architecture.MLP).embeddingDim(2).hidden(2).epochs(1).batchSize(256)
                .preparation(TrainingSettings.preparation(50, 1, 5, 64)).build()), TrainingSite.EXPERIMENT,
                io.gradlens.train.TrainingListener.NONE, CancellationToken.NONE);
        ModelProvenance p = result.provenance();
        assertEquals(Optional.of(true), p.dataset().builtIn());
        assertEquals(Optional.empty(), p.dataset().path());
        assertEquals(DatasetFingerprint.of(DatasetSource.builtIn("sentences")), p.dataset().sha256());
        assertEquals(Optional.of(TrainingSite.EXPERIMENT), p.trainedIn());
        assertEquals(1, result.history().size());
        assertTrue(result.checkpoints().isEmpty());
    }
}
