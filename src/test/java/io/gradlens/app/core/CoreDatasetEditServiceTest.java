package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEditException;
import io.gradlens.data.edits.ExampleRef;
import io.gradlens.util.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreDatasetEditServiceTest {

  @TempDir
  Path editsDir;

  @Test
  void editsOfABuiltInDatasetApplyOnLoadSurviveARestartAndUndo() throws Exception {
    String id = "builtin:sentences";
    CoreWorkspace workspace = new CoreWorkspace(null, editsDir);
    CoreDatasetEditService edits = new CoreDatasetEditService(workspace);
    TextDataset raw = (TextDataset) workspace.rawDataset(id);
    ExampleRef second = edits.reference(id, "test/1");
    int flipped = 1 - raw.test().get(1).label();
    edits.add(id, new DatasetEdit.Exclude(edits.reference(id, "test/0")));
    edits.add(id, new DatasetEdit.Relabel(second, flipped));
    assertTrue(Files.exists(editsDir.resolve("sentences.gradlens-edits.tsv")));

    CoreWorkspace restarted = new CoreWorkspace(null, editsDir);
    TextDataset edited = (TextDataset) restarted.dataset(id);
    assertEquals(raw.testSize() - 1, edited.testSize());
    assertEquals(raw.test().get(1).text(), edited.test().get(0).text());
    assertEquals(flipped, edited.test().get(0).label());
    WorkspaceEntry entry = restarted.entry(id).orElseThrow();
    List<Example> shown = restarted.examples(entry, io.gradlens.util.ProgressListener.NONE,
        CancellationToken.NONE);
    assertEquals("test/1", shown.get(0).id(), "example ids keep their original positions");

    CoreDatasetEditService again = new CoreDatasetEditService(restarted);
    again.undo(id);
    assertEquals(raw.test().get(1).label(), ((TextDataset) restarted.dataset(id)).test().get(0).label());
    again.undo(id);
    assertTrue(restarted.dataset(id) == restarted.rawDataset(id), "no edits: the dataset as loaded");
    assertTrue(again.edits(id).isEmpty());
  }

  @Test
  void anEditThatDoesNotFitIsRefusedAndNotSaved() throws Exception {
    String id = "builtin:sentences";
    CoreWorkspace workspace = new CoreWorkspace(null, editsDir);
    CoreDatasetEditService edits = new CoreDatasetEditService(workspace);
    ExampleRef ref = edits.reference(id, "train/0");
    assertThrows(DatasetEditException.class, () -> edits.add(id, new DatasetEdit.Relabel(ref, 9)));
    assertTrue(edits.edits(id).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> edits.reference(id, "train/999999"));
    assertThrows(IllegalArgumentException.class, () -> edits.reference(id, "dev/1"));
  }
}
