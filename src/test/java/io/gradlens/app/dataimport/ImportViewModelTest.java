package io.gradlens.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.ScriptedImportWorkspace;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.app.task.ManualTaskRunner;
import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.ImportPreview;
import io.gradlens.data.imports.ImportProblem;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import dialog's state against a scripted preview: no FX toolkit, no files. */
class ImportViewModelTest {

  private static final Path FILE = Path.of("/data/reviews.csv");

  private final ScriptedImportWorkspace workspace = new ScriptedImportWorkspace();
  private final ManualTaskRunner runner = new ManualTaskRunner();

  private ImportViewModel started(boolean guess) throws Exception {
    ImportViewModel model = new ImportViewModel(workspace, runner,
        TextImportSettings.defaults(FILE), guess);
    model.start();
    completeAll();
    return model;
  }

  /** A view model whose work runs at once, delivering failures as the FX runner does. */
  private ImportViewModel startedImmediately() {
    ImportViewModel model = new ImportViewModel(workspace, new ImmediateTaskRunner(),
        TextImportSettings.defaults(FILE), true);
    model.start();
    return model;
  }

  /** Completes the queued work, and what it queues in turn, in order. */
  private void completeAll() throws Exception {
    for (int i = 0; i < runner.pending().size(); i++) {
      var p = runner.pending().get(i);
      if (!p.isDone() && !p.cancelled()) {
        p.complete();
      }
    }
  }

  @Test
  void theFirstPreviewProposesTheGuessedColumnsAndPreviewsWithThem() throws Exception {
    ImportViewModel model = started(true);
    assertEquals("review", model.textColumnProperty().get());
    assertEquals("sentiment", model.labelColumnProperty().get());
    assertNull(model.maskColumnProperty().get());
    assertNull(model.idColumnProperty().get());
    assertNull(model.splitColumnProperty().get());
    // Two previews: the defaults (text, label, ... are not in the file), then the guess.
    assertEquals(2, workspace.previews().size());
    assertEquals(ColumnMapping.defaults(), workspace.previews().get(0).columns());
    assertEquals(new ColumnMapping("review", "sentiment", null, null, null),
        workspace.previews().get(1).columns());
    assertEquals(List.of(new ClassCount(0, "negative", 1), new ClassCount(1, "neutral", 1),
        new ClassCount(2, "positive", 2)), model.classCounts());
    assertEquals(ScriptedImportWorkspace.COLUMNS, model.columns());
    assertEquals(ScriptedImportWorkspace.ROWS, model.rows());
    assertEquals(4, model.recordsProperty().get());
    assertTrue(model.canImportProperty().get());
    assertEquals("", model.blockReasonProperty().get());
  }

  @Test
  void rememberedColumnsAreKeptWithoutGuessing() throws Exception {
    workspace.preview(ScriptedImportWorkspace::table);
    ImportViewModel model = new ImportViewModel(workspace, runner, TextImportSettings
        .defaults(FILE).withColumns(new ColumnMapping("review", "stars", null, null, null)), false);
    model.start();
    completeAll();
    assertEquals(1, workspace.previews().size());
    assertEquals("stars", model.labelColumnProperty().get());
    assertEquals(List.of("1", "3", "4", "5"),
        model.classCounts().stream().map(ClassCount::name).toList());
  }

  @Test
  void choosingAnotherLabelColumnOrOrderRefreshesTheClassCounts() throws Exception {
    ImportViewModel model = started(true);
    model.labelColumnProperty().set("stars");
    assertFalse(model.canImportProperty().get(), "off until the new preview is in");
    completeAll();
    assertEquals("stars", workspace.previews().get(workspace.previews().size() - 1).columns().label());
    assertEquals(List.of("1", "3", "4", "5"),
        model.classCounts().stream().map(ClassCount::name).toList());
    model.labelColumnProperty().set("sentiment");
    model.classOrderProperty().set(ClassOrder.FIRST_APPEARANCE);
    completeAll();
    assertEquals(List.of(new ClassCount(0, "positive", 2), new ClassCount(1, "negative", 1),
        new ClassCount(2, "neutral", 1)), model.classCounts());
    assertTrue(model.canImportProperty().get());
  }

  @Test
  void aNewerPreviewSupersedesTheOlderOne() throws Exception {
    ImportViewModel model = started(true);
    int before = runner.pending().size();
    model.labelColumnProperty().set("stars");
    model.labelColumnProperty().set("sentiment");
    // Both changes started a preview; the first was cancelled by the second.
    var first = runner.pending().get(before);
    var second = runner.pending().get(before + 1);
    assertTrue(first.cancelled());
    second.complete();
    first.complete(); // a late result of the superseded preview is dropped
    assertEquals(List.of("negative", "neutral", "positive"),
        model.classCounts().stream().map(ClassCount::name).toList());
  }

  @Test
  void problemsBlockTheImportWithAPlainSentenceUntilTheSettingsFixThem() throws Exception {
    ImportViewModel model = started(true);
    model.labelColumnProperty().set(null);
    completeAll();
    assertFalse(model.canImportProperty().get());
    assertEquals("Choose the column that holds the label.", model.blockReasonProperty().get());

    workspace.preview(s -> {
      ImportPreview p = ScriptedImportWorkspace.table(s);
      List<ImportProblem> problems = s.columns().label() == null ? List.of() : List.of(
          new ImportProblem(4, "sentiment", "the label is empty"),
          new ImportProblem(9, "review", "unterminated quote"));
      return new ImportPreview(p.columns(), p.firstRows(), p.guessed(), p.classCounts(),
          problems, p.records(), false);
    });
    model.labelColumnProperty().set("sentiment");
    completeAll();
    assertEquals(List.of(4L, 9L), model.problems().stream().map(ImportProblem::line).toList());
    assertFalse(model.canImportProperty().get());
    assertTrue(model.blockReasonProperty().get().startsWith(
        "Nothing is imported while the file has 2 problems"), model.blockReasonProperty().get());
    assertEquals("", model.failureDetailsProperty().get(), "bad content has no stack trace");
    model.importDataset();
    assertTrue(workspace.imports().isEmpty(), "Import does nothing while there are problems");

    workspace.preview(ScriptedImportWorkspace::table);
    model.lowercaseProperty().set(false);
    completeAll();
    assertTrue(model.problems().isEmpty());
    assertTrue(model.canImportProperty().get());
  }

  @Test
  void importingPassesTheChosenSettingsAndReportsTheEntry() throws Exception {
    ImportViewModel model = started(true);
    List<ImportViewModel.ImportedDataset> imported = new ArrayList<>();
    model.setOnImported(imported::add);
    model.formatProperty().set(TableFormat.TSV);
    assertEquals(Delimiter.TAB, model.delimiterProperty().get(), "a format brings its delimiter");
    model.delimiterProperty().set(Delimiter.SEMICOLON);
    model.maxTokensProperty().set(50);
    model.splitPunctuationProperty().set(false);
    model.testFractionProperty().set(0.25);
    model.seedProperty().set(7);
    completeAll();
    model.importDataset();
    completeAll();
    assertEquals(1, workspace.imports().size());
    TextImportSettings s = workspace.imports().get(0);
    assertEquals(TableFormat.TSV, s.format());
    assertEquals(';', s.delimiter());
    assertEquals(50, s.tokenizer().maxTokens());
    assertFalse(s.tokenizer().splitPunctuation());
    assertTrue(s.tokenizer().lowercase());
    assertEquals(0.25, s.testFraction());
    assertEquals(7, s.seed());
    assertEquals(new ColumnMapping("review", "sentiment", null, null, null), s.columns());
    assertEquals(1, imported.size());
    assertEquals(s, imported.get(0).settings());
  }

  @Test
  void aTestFractionOutOfRangeIsToldWithoutPreviewing() throws Exception {
    ImportViewModel model = started(true);
    int previews = workspace.previews().size();
    model.testFractionProperty().set(1.0);
    completeAll();
    assertEquals(previews, workspace.previews().size());
    assertFalse(model.canImportProperty().get());
    assertTrue(model.blockReasonProperty().get().contains("test fraction"),
        model.blockReasonProperty().get());
  }

  @Test
  void anUnreadableFileIsToldInWordsAndOnlyAnUnexpectedFailureHasDetails() throws Exception {
    workspace.preview(s -> {
      throw DatasetFormatException.inFile(FILE, "is not UTF-8 text");
    });
    ImportViewModel model = startedImmediately();
    assertFalse(model.canImportProperty().get());
    assertTrue(model.blockReasonProperty().get().startsWith("The file cannot be read: "),
        model.blockReasonProperty().get());
    assertTrue(model.blockReasonProperty().get().contains("is not UTF-8 text"));
    assertEquals("", model.failureDetailsProperty().get());

    workspace.preview(s -> {
      throw new IllegalStateException("internal slip");
    });
    model.seedProperty().set(3);
    assertTrue(model.failureDetailsProperty().get().contains("IllegalStateException"));
    assertTrue(model.failureDetailsProperty().get().contains("ImportViewModelTest"),
        "the stack trace, for Details");
  }

  @Test
  void aFailedImportAddsNothingAndSaysWhy() throws Exception {
    ImportViewModel model = startedImmediately();
    List<ImportViewModel.ImportedDataset> imported = new ArrayList<>();
    model.setOnImported(imported::add);
    workspace.failImports(DatasetFormatException.atLine(FILE, 12, "label is empty"));
    model.importDataset();
    assertTrue(imported.isEmpty());
    assertTrue(model.blockReasonProperty().get().startsWith("Import failed: "));
    assertTrue(model.blockReasonProperty().get().contains("12"));
    assertEquals("", model.failureDetailsProperty().get());
    assertFalse(model.canImportProperty().get());
  }
}
