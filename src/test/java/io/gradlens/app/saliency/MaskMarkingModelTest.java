package io.gradlens.app.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.core.CoreDatasetEditService;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.Split;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marking logic of the fix-the-reasons loop without the FX toolkit: clicks toggle, scope picks
 * word or example, undo and redo, all through the real edit service on a small dataset file.
 */
class MaskMarkingModelTest {

  @TempDir
  Path dir;
  private CoreDatasetEditService service;
  private RecordingErrorReporter errors;
  private MaskMarkingModel model;
  private String dataset;
  private TextDataset raw;

  @BeforeEach
  void setUp() throws Exception {
    Path file = dir.resolve("small.tsv");
    Files.write(file, List.of("text\tlabel", "the film was good good\t1", "the film was bad\t0",
        "good acting\t1", "bad acting\t0", "a good plot\t1", "a bad plot\t0", "good fun\t1",
        "bad mess\t0", "really good\t1", "really bad\t0"), StandardCharsets.UTF_8);
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
    service = new CoreDatasetEditService(workspace);
    dataset = workspace.openDataset(file).id();
    raw = (TextDataset) workspace.rawDataset(dataset);
    errors = new RecordingErrorReporter();
    model = new MaskMarkingModel(service, new ImmediateTaskRunner(), errors);
  }

  /** Shows the first training text holding "good" and returns its id. */
  private String showTextWithGood() {
    for (int i = 0; i < raw.train().size(); i++) {
      TextExample e = raw.train().get(i);
      if (e.tokens().contains("good")) {
        model.show(dataset, "train/" + i, e.tokens(), 0);
        return "train/" + i;
      }
    }
    throw new AssertionError("no training text holds good");
  }

  private List<String> shownTokens(String id) {
    return raw.train().get(MaskMarks.position(id).orElseThrow().index()).tokens();
  }

  @Test
  void aClickInWordScopeMarksTheWordEverywhereAndASecondClickUnmarksIt() throws Exception {
    String id = showTextWithGood();
    List<String> tokens = shownTokens(id);
    int good = tokens.indexOf("good");
    model.toggleToken(good);
    assertEquals(List.of(new DatasetEdit.MaskWord("good")), service.edits(dataset).edits());
    Set<Integer> expected = new java.util.TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equals("good")) {
        expected.add(i);
      }
    }
    assertEquals(expected, model.markedTokens());
    assertTrue(model.hasMarksProperty().get());
    assertEquals(1, model.marks().size());

    model.toggleToken(good);
    assertTrue(service.edits(dataset).isEmpty());
    assertTrue(model.markedTokens().isEmpty());
    assertFalse(model.hasMarksProperty().get());
    assertTrue(errors.reports().isEmpty(), errors.reports().toString());
  }

  @Test
  void aClickInExampleScopeMarksOnlyThatPositionOfThatText() throws Exception {
    String id = showTextWithGood();
    int good = shownTokens(id).indexOf("good");
    model.scopeProperty().set(MarkScope.THIS_EXAMPLE);
    model.toggleToken(good);
    DatasetEdits edits = service.edits(dataset);
    assertEquals(1, edits.size());
    DatasetEdit.MaskTokens m = (DatasetEdit.MaskTokens) edits.edits().get(0);
    assertEquals(Split.TRAIN, m.example().split());
    assertEquals(MaskMarks.position(id).orElseThrow().index(), m.example().index());
    assertArrayEquals(new int[] {good}, m.positions());
    assertEquals(Set.of(good), model.markedTokens());

    // Another text with the same word is not marked.
    for (int i = 0; i < raw.train().size(); i++) {
      if (!("train/" + i).equals(id) && raw.train().get(i).tokens().contains("good")) {
        model.show(dataset, "train/" + i, raw.train().get(i).tokens(), 0);
        assertTrue(model.markedTokens().isEmpty());
        return;
      }
    }
  }

  @Test
  void unmarkingOnePositionOfAMultiTokenEditKeepsTheOthers() throws Exception {
    String id = showTextWithGood();
    var ref = service.reference(dataset, id);
    service.add(dataset, new DatasetEdit.MaskTokens(ref, new int[] {0, 1}));
    model.refresh();
    assertEquals(Set.of(0, 1), model.markedTokens());
    model.toggleToken(0);
    assertEquals(Set.of(1), model.markedTokens());
    assertEquals(List.of(new DatasetEdit.MaskTokens(ref, new int[] {1})),
        service.edits(dataset).edits());
  }

  @Test
  void undoRemovesTheNewestMarkAndRedoPutsItBack() throws Exception {
    String id = showTextWithGood();
    List<String> tokens = shownTokens(id);
    assertFalse(model.canRedoProperty().get(), "nothing undone yet, so nothing to redo");
    model.toggleToken(tokens.indexOf("good"));
    model.toggleToken(0);
    assertEquals(2, model.marks().size());
    assertFalse(model.canRedoProperty().get());
    model.undo();
    assertTrue(model.canRedoProperty().get(), "the undone mark can be put back");
    assertEquals(List.of(new DatasetEdit.MaskWord("good")), service.edits(dataset).edits());
    assertFalse(model.markedTokens().contains(0) && !tokens.get(0).equals("good"));
    model.redo();
    assertEquals(2, service.edits(dataset).size());
    assertTrue(model.markedTokens().contains(0));
    assertFalse(model.canRedoProperty().get(), "redone: the journal has nothing more to put back");
  }

  @Test
  void brushStrokesMarkPixelsOfThisImageOrOfEveryImage() throws Exception {
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("image-edits"));
    CoreDatasetEditService images = new CoreDatasetEditService(workspace);
    MaskMarkingModel marking = new MaskMarkingModel(images, new ImmediateTaskRunner(), errors);
    String digits = "builtin:digits";
    marking.show(digits, "test/0", List.of(), 64);
    marking.scopeProperty().set(MarkScope.THIS_EXAMPLE);
    marking.paintPixels(new int[] {1, 0});
    marking.scopeProperty().set(MarkScope.EVERYWHERE);
    marking.paintPixels(new int[] {63});
    assertEquals(List.of(new DatasetEdit.MaskPixels(images.reference(digits, "test/0"),
        new int[] {0, 1}), new DatasetEdit.MaskPixels(null, new int[] {63})),
        images.edits(digits).edits());
    boolean[] first = marking.markedPixelsProperty().get();
    assertTrue(first[0] && first[1] && first[63] && !first[2]);
    marking.show(digits, "test/1", List.of(), 64);
    boolean[] second = marking.markedPixelsProperty().get();
    assertTrue(!second[0] && !second[1] && second[63]);
    marking.undo();
    assertFalse(marking.markedPixelsProperty().get()[63]);
    assertTrue(errors.reports().isEmpty(), errors.reports().toString());
  }

  @Test
  void pixelMarksOfOneImageAndOfEveryImage() {
    var ref = new io.gradlens.data.edits.ExampleRef(Split.TEST, 3, 42L);
    DatasetEdits edits = DatasetEdits.of(List.of(
        new DatasetEdit.MaskPixels(ref, new int[] {0, 5}),
        new DatasetEdit.MaskPixels(null, new int[] {8})));
    boolean[] shown = MaskMarks.markedPixels(edits, MaskMarks.position("test/3").orElseThrow(), 9);
    assertArrayEquals(new boolean[] {true, false, false, false, false, true, false, false, true},
        shown);
    boolean[] other = MaskMarks.markedPixels(edits, MaskMarks.position("test/4").orElseThrow(), 9);
    assertArrayEquals(new boolean[] {false, false, false, false, false, false, false, false, true},
        other);
  }

  @Test
  void exampleIdsParseToSplitAndIndex() {
    assertEquals(Optional.of(new MaskMarks.Position(Split.TEST, 17)), MaskMarks.position("test/17"));
    assertEquals(Optional.empty(), MaskMarks.position("dev/1"));
    assertEquals(Optional.empty(), MaskMarks.position("test/x"));
    assertEquals(Optional.empty(), MaskMarks.position("17"));
    assertEquals(Optional.empty(), MaskMarks.position(null));
  }
}
