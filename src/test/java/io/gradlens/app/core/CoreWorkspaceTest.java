package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.workflow.training.Architecture;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core workspace without a GUI: listing, mismatches, the dataset a model belongs to. */
class CoreWorkspaceTest {

  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));

  private static WorkspaceEntry entry(String id) {
    return WORKSPACE.entry(id).orElseThrow();
  }

  @Test
  void listsBuiltInDatasetsAndShippedModels() {
    List<String> ids = WORKSPACE.entries().stream().map(WorkspaceEntry::id).toList();
    assertTrue(ids.containsAll(List.of("builtin:sentences", "builtin:mnist",
        "shipped:sentiment-lstm", "shipped:mnist-cnn")), ids.toString());
    assertTrue(ids.stream().noneMatch(id -> id.equals("builtin:price")), "tabular is not shown");
  }

  @Test
  void aTextModelOnAnImageDatasetIsAClearMismatch() throws IOException {
    WORKSPACE.selectModel(entry("shipped:sentiment-lstm"));
    var e = assertThrows(io.gradlens.workflow.explain.ModelDatasetMismatchException.class, () ->
        WORKSPACE.examples(entry("builtin:digits"), ProgressListener.NONE,
            CancellationToken.NONE));
    assertTrue(e.getMessage().contains("reads text") && e.getMessage().contains("digits"),
        e.getMessage());
  }

  @Test
  void anImageModelBelongsToItsTrainingDataset() throws IOException {
    assertEquals("builtin:mnist", WORKSPACE.datasetFor(entry("shipped:mnist-cnn"),
        entry("builtin:sentences")).orElseThrow().id());
    assertTrue(WORKSPACE.datasetFor(entry("shipped:sentiment-lstm"),
        entry("builtin:decoy-text")).isEmpty(), "a text dataset fits a text model");
  }

  @Test
  void tabularFilesAreRefusedWithAReason(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("numbers.csv");
    Files.writeString(csv, "a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,1,0\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        WORKSPACE.openDataset(csv));
    assertTrue(e.getMessage().contains("tabular"), e.getMessage());
  }

  @Test
  void wordLabelsBecomeClassNamesAndDifferingNamesAreAMismatch(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("reviews.csv");
    Files.writeString(csv, "text,label\n\"good,\nreally\",good\nbad film,bad\nfine film,good\n"
        + "dull film,bad\ngreat film,good\n");
    WorkspaceEntry opened = WORKSPACE.openDataset(csv);
    io.gradlens.data.TextDataset data = (io.gradlens.data.TextDataset) WORKSPACE.dataset(opened.id());
    assertEquals(List.of("bad", "good"), data.classNames());
    assertEquals(5, data.trainSize() + data.testSize(), "the quoted line break stays inside one review");
    WORKSPACE.selectModel(entry("shipped:sentiment-lstm"));
    var e = assertThrows(io.gradlens.workflow.explain.ModelDatasetMismatchException.class, () ->
        WORKSPACE.examples(opened, ProgressListener.NONE, CancellationToken.NONE));
    assertEquals("the model has classes [negative, positive] but dataset 'reviews' has [bad, good]: only the model "
        + "has [negative, positive], only the dataset has [bad, good]", e.getMessage());
  }

  @Test
  void theAutomaticArchitectureDependsOnTheDataAndAChoiceStays() {
    assertEquals(Architecture.LSTM, Architecture.AUTO.resolve(Architecture.DataKind.TEXT));
    assertEquals(Architecture.CNN, Architecture.AUTO.resolve(Architecture.DataKind.IMAGE));
    assertEquals(Architecture.PRICE, Architecture.AUTO.resolve(Architecture.DataKind.TABULAR));
    assertEquals(Architecture.GRU, Architecture.GRU.resolve(Architecture.DataKind.IMAGE));
  }
}
