package io.gradlens.app.saliency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.explain.Aggregation;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.app.task.ManualTaskRunner;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit, synchronous runner. */
class SaliencyViewModelTest {

  private final FakeTextSaliencyService service = new FakeTextSaliencyService();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final StringProperty text = new SimpleStringProperty();
  private SaliencyViewModel vm;

  @BeforeEach
  void setUp() {
    vm = new SaliencyViewModel(service, new ImmediateTaskRunner(), errors, text);
  }

  @Test
  void nothingToExplainWithoutText() {
    assertEquals(0, service.calls());
    assertNull(vm.resultProperty().get());
    assertTrue(vm.statusProperty().get().contains("Select a model and an example"));
  }

  @Test
  void recomputesWhenTextOrControlsChange() {
    text.set("a bb ccc");
    assertEquals(1, service.calls());
    assertEquals(3, vm.resultProperty().get().tokens().size());
    vm.methodProperty().set(SaliencyMethod.INTEGRATED_GRADIENTS);
    assertEquals(2, service.calls());
    assertEquals(SaliencyMethod.INTEGRATED_GRADIENTS, service.lastRequest().method());
    vm.stepsProperty().set(7);
    assertEquals(7, service.lastRequest().steps());
    vm.targetClassProperty().set(0);
    assertEquals(0, vm.resultProperty().get().targetClass());
    vm.aggregationProperty().set(Aggregation.L2);
    assertEquals(Aggregation.L2, service.lastRequest().aggregation());
    assertEquals(5, vm.completedRunsProperty().get());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void aTypedSentenceTakesPrecedenceUntilCleared() {
    text.set("the selected example");
    vm.typedTextProperty().set("my own words");
    assertEquals(java.util.List.of("my", "own", "words"), vm.resultProperty().get().tokens());
    int runs = vm.completedRunsProperty().get();
    text.set("another example");
    assertEquals(runs, vm.completedRunsProperty().get(), "the selection waits while typing");
    vm.rememberTyped();
    vm.typedTextProperty().set("newer");
    vm.rememberTyped();
    vm.typedTextProperty().set("my own words");
    vm.rememberTyped();
    assertEquals(java.util.List.of("my own words", "newer"), vm.typedHistory());
    vm.typedTextProperty().set("");
    assertEquals(java.util.List.of("another", "example"), vm.resultProperty().get().tokens());
  }

  @Test
  void typingWithoutACurrentModelExplainsNothing() {
    vm.typedTextProperty().set("my own words");
    assertNull(vm.resultProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Select a model"));
  }

  @Test
  void normalisationToggleChangesScaleWithoutRecompute() {
    text.set("a bbbb");
    int calls = service.calls();
    assertEquals(4, vm.colorScaleProperty().get().halfRange(), 1e-12);
    vm.normalizeProperty().set(false);
    assertEquals(1, vm.colorScaleProperty().get().halfRange(), 1e-12);
    assertEquals(calls, service.calls());
  }

  @Test
  void failureIsReportedAndPreviousResultKept() {
    text.set("good input");
    SaliencyResult before = vm.resultProperty().get();
    service.setFailing(true);
    vm.methodProperty().set(SaliencyMethod.SMOOTHGRAD);
    assertEquals(1, errors.reports().size());
    assertSame(before, vm.resultProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Failed: Fake saliency failure"));
    assertTrue(!vm.statusProperty().get().contains("second line"));
    service.setFailing(false);
    vm.methodProperty().set(SaliencyMethod.GRADIENT);
    assertEquals("Gradient", vm.resultProperty().get().method());
  }

  @Test
  void newRequestCancelsThePreviousAndStaleResultsAreIgnored() throws Exception {
    ManualTaskRunner manual = new ManualTaskRunner();
    StringProperty input = new SimpleStringProperty("one two");
    SaliencyViewModel model = new SaliencyViewModel(service, manual, errors, input);
    model.methodProperty().set(SaliencyMethod.SMOOTHGRAD);
    assertEquals(2, manual.pending().size());
    assertTrue(manual.pending().get(0).cancelled(), "first run cancelled by the second");
    assertTrue(model.busyProperty().get());
    manual.pending().get(1).complete();
    assertEquals("SmoothGrad", model.resultProperty().get().method());
    manual.pending().get(0).complete(); // a late, cancelled run must not overwrite
    assertEquals("SmoothGrad", model.resultProperty().get().method());
    assertEquals(false, model.busyProperty().get());
  }

  @Test
  void csvRows() {
    text.set("x yy");
    List<List<String>> rows = vm.scoreRows();
    assertEquals(2, rows.size());
    assertEquals(List.of("index", "token", "score", "normalized"), SaliencyViewModel.csvHeader());
    assertEquals("yy", rows.get(1).get(1));
    assertNotNull(rows.get(1).get(3));
  }

  @Test
  void aSaturatedPredictionIsMarkedWithWhatTheOtherClassesSumTo() {
    assertEquals("", SaliencyViewModel.saturationNote(new double[] {0.9, 0.1}));
    assertEquals("", SaliencyViewModel.saturationNote(new double[] {1 - 1e-6, 1e-6}));
    String note = SaliencyViewModel.saturationNote(new double[] {1.0, 2e-9, 1e-9});
    assertTrue(note.contains("saturated prediction"), note);
    assertTrue(note.contains("3.0e-09"), note);
  }
}
