package io.gradlens.app.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.core.CoreDatasetEditService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.fakes.FakeInfluenceService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.DatasetEdit;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Influence tab's dataset mode without JavaFX nodes: ranking by a fake influence service,
 * edits through the real {@link CoreDatasetEditService} on the built-in {@code sentences} in a
 * temporary edits folder.
 */
class MislabelViewModelTest {

  private static final String SENTENCES = "builtin:sentences";

  @TempDir
  Path editsDir;
  private final FakeInfluenceService influence = new FakeInfluenceService();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private CoreWorkspace workspace;
  private MislabelViewModel model;
  private int reloads;

  @BeforeEach
  void setUp() {
    workspace = new CoreWorkspace(null, editsDir);
    WorkspaceEntry sentences = workspace.entry(SENTENCES).orElseThrow();
    model = new MislabelViewModel(influence, new CoreDatasetEditService(workspace),
        new ImmediateTaskRunner(), errors, new SimpleObjectProperty<>(sentences));
    model.setOnEdited(() -> reloads++);
    model.refreshEdits();
  }

  @Test
  void ranksSuspectsHighestSelfInfluenceFirst() {
    model.topProperty().set(4);
    model.rank();
    assertEquals(List.of(1, 2, 3, 4), model.suspects().stream().map(RankedExample::rank).toList());
    assertEquals(List.of(1.0, 0.5, 1 / 3.0, 0.25), model.suspects().stream()
        .map(r -> r.example().score()).toList());
    assertEquals(List.of("negative", "positive"), model.classNames());
    assertEquals("suspect", model.csvRows().get(0).get(0));
  }

  @Test
  void relabelAndExcludeBecomeSavedEditsThatApplyAndUndo() throws Exception {
    model.rank();
    RankedExample first = model.suspects().get(0);
    RankedExample second = model.suspects().get(1);
    TextDataset raw = (TextDataset) workspace.rawDataset(SENTENCES);
    int oldLabel = raw.train().get(0).label();
    model.relabel(first, 1 - oldLabel);
    model.exclude(second);
    assertEquals(2, reloads, "views reload after every edit");
    assertEquals(2, model.editList().size());
    assertTrue(model.editList().get(0) instanceof DatasetEdit.Relabel);
    assertTrue(model.editList().get(1) instanceof DatasetEdit.Exclude);
    assertTrue(model.editFileProperty().get().startsWith(editsDir.toString()));
    assertTrue(model.canUndoProperty().get());
    assertFalse(model.canRedoProperty().get());

    TextDataset edited = (TextDataset) workspace.dataset(SENTENCES);
    assertEquals(raw.trainSize() - 1, edited.trainSize());
    assertEquals(1 - oldLabel, edited.train().get(0).label());
    assertEquals(raw.train().get(2).text(), edited.train().get(1).text(), "train/1 is left out");

    model.undo();
    assertEquals(1, model.editList().size());
    assertTrue(model.canRedoProperty().get());
    assertEquals(raw.trainSize(), workspace.dataset(SENTENCES).trainSize());
    model.redo();
    assertEquals(2, model.editList().size());
    assertFalse(model.canRedoProperty().get());
    model.undo();
    model.undo();
    assertTrue(model.editList().isEmpty());
    assertFalse(model.canUndoProperty().get());
    assertEquals(6, reloads);
    assertTrue(errors.reports().isEmpty(), errors.reports().toString());
  }

  @Test
  void aClassOutOfRangeIsRefusedAndNothingIsSaved() {
    model.rank();
    RankedExample first = model.suspects().get(0);
    assertThrows(IllegalArgumentException.class, () -> model.relabel(first, 2));
    assertTrue(model.editList().isEmpty());
    assertEquals(0, reloads);
  }

  @Test
  void tracInWithoutCheckpointsIsExplainedNotRun() {
    model.methodProperty().set(io.gradlens.workflow.influence.InfluenceMethod.TRACIN);
    model.rank();
    assertEquals(0, influence.ranked);
    assertTrue(model.statusProperty().get().contains("checkpoints"));
  }
}
