package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.AppServices;
import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreInfluenceService;
import io.gradlens.app.core.CoreSaliencyService;
import io.gradlens.app.core.CoreTrainingService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.workflow.ModelProvenance;
import io.gradlens.workflow.TrainingSite;
import io.gradlens.workflow.training.Architecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Training tab on the real core: picking GRU and "checkpoint every 1 epoch" trains a GRU whose
 * checkpoints stay with the model in the workspace (TracIn becomes available), Save writes them
 * beside the bundle, and "Details…" shows the provenance.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TrainingCheckpointsGuiTest {

  private static final int SLOW = 120;

  @TempDir
  Path dir;
  private CoreWorkspace workspace;
  private FixedFilePrompt prompt;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    prompt = new FixedFilePrompt();
    workspace = new CoreWorkspace(null, Files.createTempDirectory("gradlens-edits"));
    window = new MainWindow(new AppServices(new CoreWorkspaceService(workspace),
        new CoreSaliencyService(workspace), new CoreTrainingService(workspace,
            new io.gradlens.train.DatasetPreparation.Options(500, 1, 10, 0))),
        new SettingsStore(Files.createTempDirectory("gradlens-home")), new FxTaskRunner(), prompt);
    window.show(stage);
  }

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void aGruTrainedWithCheckpointsKeepsThemAndSavesThemBesideItsBundle(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("tiny.tsv");
    List<String> lines = new ArrayList<>(List.of("text\tlabel"));
    for (int i = 0; i < 8; i++) {
      lines.add("good great fine " + i + "\t1");
      lines.add("bad awful poor " + i + "\t0");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    robot.interact(() -> window.workspace().openDataset(file));
    Fx.waitUntil(SLOW, "tiny dataset current", () ->
        window.workbench().currentDatasetProperty().get() != null
            && window.workbench().currentDatasetProperty().get().name().equals("tiny.tsv"));

    robot.interact(() -> window.tabs().getSelectionModel().select(window.tabs().getTabs()
        .stream().filter(t -> t.getText().equals("Training")).findFirst().orElseThrow()));
    robot.interact(() -> {
      @SuppressWarnings("unchecked")
      ComboBox<Architecture> arch = robot.lookup("#arch").queryAs(ComboBox.class);
      assertTrue(arch.getItems().contains(Architecture.GRU), "the form offers GRU");
      arch.getSelectionModel().select(Architecture.GRU);
      @SuppressWarnings("unchecked")
      Spinner<Integer> every = robot.lookup("#checkpoint-every").queryAs(Spinner.class);
      every.getValueFactory().setValue(1);
      var t = window.trainingModel();
      t.embeddingSizeProperty().set(4);
      t.unitsProperty().set(4);
      t.epochsProperty().set(2);
      t.batchSizeProperty().set(4);
    });
    assertEquals(Architecture.GRU, Fx.get(() -> window.trainingModel().config().settings()
        .architecture()));
    assertEquals(1, (int) Fx.get(() -> window.trainingModel().config().settings()
        .checkpointEvery()));
    robot.interact(() -> robot.lookup("#train-start").queryAs(Button.class).fire());
    Fx.waitUntil(SLOW, "training ended", () -> !window.trainingModel().runningProperty().get()
        && !window.trainingModel().statusProperty().get().startsWith("Training"));
    String status = Fx.get(() -> window.trainingModel().statusProperty().get());
    assertTrue(status.startsWith("Done"), status);
    Fx.waitUntil(SLOW, "trained model current", () -> {
      WorkspaceEntry m = window.workbench().currentModelProperty().get();
      return m != null && m.origin() == WorkspaceEntry.Origin.TRAINED
          && !window.trainingModel().runningProperty().get();
    });
    WorkspaceEntry trained = Fx.get(() -> window.workbench().currentModelProperty().get());
    List<CheckpointRecorder.Checkpoint> kept = workspace.checkpoints(trained.id());
    assertEquals(List.of(1, 2), kept.stream().map(CheckpointRecorder.Checkpoint::epoch).toList());
    Classifier model = workspace.model(trained.id());
    assertEquals(Optional.of("gru"), ModelProvenance.fromMap(model.provenance()).architecture());
    model.network().parameters().forEach((name, w) ->
        assertEquals(w.value(), kept.get(1).weights().get(name), name));
    assertEquals(Optional.empty(), new CoreInfluenceService(workspace)
        .unavailable(InfluenceMethod.TRACIN), "TracIn works on the GUI-trained model");
    assertTrue(Fx.get(() -> window.trainingModel().statusProperty().get())
        .contains("2 checkpoints for TracIn"));

    // Save writes the bundle and its checkpoints where TracIn finds them.
    Path bundle = dir.resolve("gru.gradlens");
    prompt.answer(bundle);
    robot.interact(() -> window.saveModel());
    Path saved = InfluenceCache.defaultCheckpoints(bundle);
    Fx.waitUntil(SLOW, "bundle and checkpoints saved", () -> Files.exists(bundle)
        && InfluenceCache.hasCheckpoints(saved));
    List<CheckpointRecorder.Checkpoint> loaded = CheckpointRecorder.load(saved);
    assertEquals(2, loaded.size());
    for (String name : kept.get(0).weights().keySet()) {
      assertEquals(kept.get(0).weights().get(name), loaded.get(0).weights().get(name), name);
    }
    assertEquals(Optional.of(TrainingSite.WORKBENCH),
        ModelProvenance.fromMap(ModelBundle.read(bundle).provenance()).trainedIn());

    // Details… shows the same facts as bin/gradlens info.
    robot.interact(() -> {
      var tree = window.workspace();
      var view = robot.lookup("#workspace-tree").queryAs(javafx.scene.control.TreeView.class);
      @SuppressWarnings("unchecked")
      TreeItem<Object> models = (TreeItem<Object>) view.getRoot().getChildren().get(1);
      models.getChildren().stream().filter(i -> trained.equals(i.getValue())).findFirst()
          .ifPresent(i -> view.getSelectionModel().select(i));
      assertTrue(tree.entries().contains(trained));
    });
    robot.interact(() -> robot.lookup("#model-details-button").queryAs(Button.class).fire());
    Fx.waitUntil(SLOW, "details shown", () ->
        robot.lookup("#model-details").queryAs(TextArea.class).getText().contains("architecture"));
    String details = Fx.get(() -> robot.lookup("#model-details").queryAs(TextArea.class).getText());
    assertTrue(details.contains("architecture: gru"), details);
    assertTrue(details.contains("trained in: workbench"), details);
    assertTrue(details.contains("dataset: tiny\n"), details);
    assertTrue(details.contains("dataset path: " + file.toAbsolutePath().normalize()), details);
    assertTrue(details.contains("classes: 0, 1"), details);
  }
}
