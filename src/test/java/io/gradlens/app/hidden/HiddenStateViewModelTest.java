package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.FakeHiddenStateService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.workflow.hidden.CurveBand;
import io.gradlens.workflow.hidden.HiddenStateReading;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class HiddenStateViewModelTest {

  private final FakeHiddenStateService service = new FakeHiddenStateService();
  private final ImmediateTaskRunner runner = new ImmediateTaskRunner();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final SimpleStringProperty text = new SimpleStringProperty("a bb ccc dddd ee f");
  private final List<String> dataset = new ArrayList<>();
  private long now;
  private final HiddenStateViewModel model = new HiddenStateViewModel(service, runner, errors,
      text, () -> dataset, () -> "tiny", () -> now += 1_000_000);

  @Test
  void mapsOnlyWhileActiveAndCatchesUpWhenShown() {
    text.set("one two");
    assertEquals(0, service.calls());
    model.activeProperty().set(true);
    assertEquals(1, service.calls());
    assertEquals(List.of("one", "two"), model.resultProperty().get().tokens());
    model.activeProperty().set(false);
    text.set("three four five");
    assertEquals(1, service.calls());
    model.activeProperty().set(true);
    assertEquals(2, service.calls());
    assertEquals(3, model.resultProperty().get().steps());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void aRowClickHighlightsTheTopKInputsOfThatRow() {
    model.activeProperty().set(true);
    HiddenStateGradientMap r = model.resultProperty().get();
    // Row 4 ("ee"): G[4][s] = len(token s) * (s + 1) = 1, 4, 9, 16, 10 for s = 0..4, 0 after.
    model.topKProperty().set(3);
    model.selectedRowProperty().set(4);
    assertEquals(List.of(3, 4, 2), model.highlightedProperty().get());
    assertEquals(List.of(3, 4, 2), RowRanking.top(r.map()[4], 3));
    model.topKProperty().set(10);
    assertEquals(List.of(3, 4, 2, 1, 0), model.highlightedProperty().get(),
        "zero entries after t are not dependencies");
    model.selectedRowProperty().set(-1);
    assertEquals(List.of(), model.highlightedProperty().get());
  }

  @Test
  void aNewResultClearsTheSelection() {
    model.activeProperty().set(true);
    model.selectedRowProperty().set(2);
    assertFalse(model.highlightedProperty().get().isEmpty());
    text.set("x yy");
    assertEquals(-1, model.selectedRowProperty().get());
    assertEquals(List.of(), model.highlightedProperty().get());
  }

  @Test
  void aModelWithoutRecurrentLayerGivesAMessageNotAnError() {
    service.setRecurrent(false);
    model.activeProperty().set(true);
    assertNull(model.resultProperty().get());
    assertEquals("fake-cnn has no recurrent layer", model.noRecurrentLayerProperty().get());
    assertTrue(errors.reports().isEmpty(), "no error dialog");
    service.setRecurrent(true);
    model.recompute();
    assertNull(model.noRecurrentLayerProperty().get());
    assertNotNull(model.resultProperty().get());
  }

  @Test
  void datasetModeSummarisesASeededSampleStepByStep() {
    dataset.addAll(List.of("a", "bb cc", "ddd e ff", "gggg", "h ii", "jj kkk l mm"));
    model.sampleSizeProperty().set(4);
    model.computeDataset();
    DatasetCurves d = model.datasetCurvesProperty().get();
    assertEquals(4, d.sequences());
    assertEquals("tiny", d.dataset());
    List<String> sample = HiddenStateWorkflow.pick(dataset, 4, HiddenStateViewModel.SAMPLE_SEED);
    assertEquals(4, sample.size());
    // By hand from the fake: r(h_t) = length of token t, over the sampled texts longer than t.
    List<double[]> lengths = new ArrayList<>();
    for (String s : sample) {
      String[] words = s.split(" ");
      double[] l = new double[words.length];
      for (int t = 0; t < words.length; t++) {
        l[t] = words[t].length();
      }
      lengths.add(l);
    }
    CurveBand expected = CurveBand.of(lengths, 0.1, 0.9);
    assertArrayEquals(expected.mean(), d.hidden().mean(), 1e-12);
    assertArrayEquals(expected.low(), d.hidden().low(), 1e-12);
    assertArrayEquals(expected.high(), d.hidden().high(), 1e-12);
    assertEquals(d.gradient().steps() + 1, model.datasetRows().size() + 1);
    assertEquals(HiddenStateViewModel.datasetHeader().size(), model.datasetRows().get(0).size());
  }

  @Test
  void theSampleIsSeededWithoutReplacementAndCappedAtTheDataset() {
    List<String> all = List.of("a", "b", "c", "d", "e", "f", "g");
    List<String> one = HiddenStateWorkflow.pick(all, 5, 0);
    assertEquals(one, HiddenStateWorkflow.pick(all, 5, 0));
    assertEquals(5, one.stream().distinct().count());
    assertEquals(7, HiddenStateWorkflow.pick(all, 50, 0).size());
  }

  @Test
  void csvRowsCarryTheExactValues() {
    model.activeProperty().set(true);
    HiddenStateGradientMap r = model.resultProperty().get();
    List<List<String>> map = model.mapRows();
    assertEquals(r.steps(), map.size());
    assertEquals(r.steps() + 2, model.mapHeader().size());
    assertEquals(r.at(3, 2), Double.parseDouble(map.get(3).get(2 + 2)), 0);
    assertEquals("0", map.get(0).get(2 + 5));
    List<List<String>> steps = model.stepRows();
    assertEquals(r.curve()[5], Double.parseDouble(steps.get(5).get(3)), 0);
    assertEquals("ee", steps.get(4).get(1));
  }

  @Test
  void statusTellsTheTimeAndCancelKeepsTheShownResult() {
    model.activeProperty().set(true);
    assertTrue(model.statusProperty().get().contains("T = 6 steps"), model.statusProperty().get());
    assertEquals(1.0, model.lastMillisProperty().get(), 1e-9);
    HiddenStateGradientMap shown = model.resultProperty().get();
    model.cancel(); // nothing runs: a no-op
    assertEquals(shown, model.resultProperty().get());
    assertFalse(model.busyProperty().get());
  }

  @Test
  void aCancelFromOutsideSaysCancelledAndMapsAgainWhenShownNextTime() {
    model.activeProperty().set(true);
    HiddenStateGradientMap shown = model.resultProperty().get();
    service.setCancelledMidway(true);
    text.set("p q r");
    assertEquals("Cancelled.", model.statusProperty().get());
    assertFalse(model.busyProperty().get());
    assertNotNull(shown);
    assertNull(model.resultProperty().get(), "the old text's map is not shown for the new text");
    service.setCancelledMidway(false);
    model.activeProperty().set(false);
    model.activeProperty().set(true);
    assertEquals(3, model.resultProperty().get().steps());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void aTypedTextIsMappedInsteadOfTheExampleUntilItIsCleared() {
    model.activeProperty().set(true);
    model.typedTextProperty().set("zqx yy");
    HiddenStateReading r = model.readingProperty().get();
    assertEquals(List.of("zqx", "yy"), r.tokens());
    assertEquals(java.util.Set.of(0), r.outOfVocabulary());
    assertEquals("positive", r.predictedClass());
    text.set("new example text here"); // the example changes under the typed text: still typed
    assertEquals(List.of("zqx", "yy"), model.resultProperty().get().tokens());
    model.rememberTyped();
    model.typedTextProperty().set("");
    assertEquals(List.of("new", "example", "text", "here"), model.resultProperty().get().tokens());
    assertEquals(List.of("zqx yy"), List.copyOf(model.typedHistory()));
  }

  @Test
  void chosenUnitsGiveOneCurveEachAndBadListsAMessage() {
    model.activeProperty().set(true);
    model.chosenUnitsProperty().set("2, 5");
    model.unitChoiceProperty().set(UnitChoice.CHOSEN);
    HiddenStateReading r = model.readingProperty().get();
    assertArrayEquals(new int[] {2, 5}, r.units().units());
    assertEquals("unit:2", model.resultProperty().get().reduction());
    assertTrue(model.statusProperty().get().contains("curves of units 2, 5"),
        model.statusProperty().get());
    assertEquals(List.of("t", "token", "hidden_unit_2", "curve", "h_u2", "curve_u2", "h_u5",
        "curve_u5"), model.stepHeader());
    assertEquals(r.units().curve(1)[3], Double.parseDouble(model.stepRows().get(3).get(7)), 0);
    assertEquals(r.units().hidden(0)[4], Double.parseDouble(model.stepRows().get(4).get(4)), 0);
    int calls = service.calls();
    model.chosenUnitsProperty().set("2, x");
    assertEquals(calls, service.calls(), "nothing is computed for a bad list");
    assertNull(model.resultProperty().get());
    assertTrue(model.statusProperty().get().startsWith("Units: '") , model.statusProperty().get());
    model.chosenUnitsProperty().set("9");
    assertTrue(model.statusProperty().get().contains("unit 9 does not exist"),
        model.statusProperty().get());
    assertTrue(errors.reports().isEmpty(), "a unit the layer lacks is a message, not an error");
    model.topUnitsProperty().set(3);
    model.unitChoiceProperty().set(UnitChoice.TOP_ACTIVATION);
    assertArrayEquals(new int[] {7, 6, 5}, model.readingProperty().get().units().units());
  }

  @Test
  void aTypedTextTooLongForTheModelIsAPlainMessage() {
    model.activeProperty().set(true);
    model.typedTextProperty().set(String.join(" ", java.util.Collections.nCopies(
        FakeHiddenStateService.TOKEN_LIMIT + 1, "w")));
    assertNull(model.resultProperty().get(), "nothing of the example stays under the typed text");
    assertEquals("Your text: the text's 501 tokens exceeds the limit of 500 tokens",
        model.statusProperty().get());
    assertFalse(model.busyProperty().get());
    assertTrue(errors.reports().isEmpty(), "the user's input, not an error");
    model.typedTextProperty().set("short again");
    assertEquals(List.of("short", "again"), model.resultProperty().get().tokens());
  }
}
