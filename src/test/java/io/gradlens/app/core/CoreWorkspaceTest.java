package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.workflow.training.Architecture;
import io.gradlens.app.service.Example;
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
  void aTextModelOnAnImageDatasetIsAClearMismatchAndItsRowsHaveNoPredictions() throws Exception {
    WORKSPACE.selectModel(entry("shipped:sentiment-lstm"));
    var fit = WORKSPACE.fit("builtin:digits", "shipped:sentiment-lstm");
    assertFalse(fit.compatible());
    assertTrue(fit.reasonLine().contains("reads text") && fit.reasonLine().contains("digits"),
        fit.reasonLine());
    List<Example> rows = WORKSPACE.examples(entry("builtin:digits"), ProgressListener.NONE,
        CancellationToken.NONE);
    assertFalse(rows.isEmpty());
    assertTrue(rows.stream().noneMatch(Example::hasPrediction), "no prediction of a text model");
  }

  @Test
  void theSentimentModelOnSpeechesIsRefusedByNameAndTheServicesSaySo() throws Exception {
    WORKSPACE.selectModel(entry("shipped:sentiment-lstm"));
    var fit = WORKSPACE.fit("builtin:sotu", "shipped:sentiment-lstm");
    assertEquals("the model's classes are negative, positive but the classes of dataset 'sotu' are "
        + "Democratic, Republican", fit.reasonLine());
    List<Example> speeches = WORKSPACE.examples(entry("builtin:sotu"), ProgressListener.NONE,
        CancellationToken.NONE);
    assertTrue(speeches.stream().noneMatch(Example::hasPrediction));
    var refused = assertThrows(io.gradlens.app.service.IncompatiblePairingException.class, () ->
        new CoreSaliencyService(WORKSPACE).explain(speeches.get(0).text(),
            io.gradlens.app.service.SaliencyRequest.defaults(), ProgressListener.NONE,
            CancellationToken.NONE));
    assertEquals(fit.reasonLine(), refused.getMessage());
    List<Example> reviews = WORKSPACE.examples(entry("builtin:sentences"), ProgressListener.NONE,
        CancellationToken.NONE);
    assertTrue(WORKSPACE.fit("builtin:sentences", "shipped:sentiment-lstm").compatible());
    assertTrue(reviews.stream().allMatch(e -> e.text().isBlank() || e.hasPrediction()));
    assertTrue(reviews.stream().filter(Example::hasPrediction)
        .allMatch(e -> List.of("negative", "positive").contains(e.prediction())));
    assertTrue(new CoreSaliencyService(WORKSPACE).explain(reviews.get(0).text(),
        io.gradlens.app.service.SaliencyRequest.defaults(), ProgressListener.NONE,
        CancellationToken.NONE).tokens().size() > 0);
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
    var fit = WORKSPACE.fit(opened.id(), "shipped:sentiment-lstm");
    assertEquals(false, fit.compatible());
    assertEquals("the model's classes are negative, positive but the classes of dataset 'reviews' are bad, good",
        fit.reasonLine());
  }

  @Test
  void theAutomaticArchitectureDependsOnTheDataAndAChoiceStays() {
    assertEquals(Architecture.LSTM, Architecture.AUTO.resolve(Architecture.DataKind.TEXT));
    assertEquals(Architecture.CNN, Architecture.AUTO.resolve(Architecture.DataKind.IMAGE));
    assertEquals(Architecture.PRICE, Architecture.AUTO.resolve(Architecture.DataKind.TABULAR));
    assertEquals(Architecture.GRU, Architecture.GRU.resolve(Architecture.DataKind.IMAGE));
  }
}
