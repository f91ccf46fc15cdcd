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
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.app.task.ManualTaskRunner;
import java.util.List;
import java.util.Locale;
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
  void failureIsReportedAndClearsTheMapOfTheEarlierRequest() {
    text.set("good input");
    assertNotNull(vm.resultProperty().get());
    service.setFailing(true);
    vm.methodProperty().set(SaliencyMethod.SMOOTHGRAD);
    assertEquals(1, errors.reports().size());
    assertNull(vm.resultProperty().get(), "the Gradient map is not shown as if it were SmoothGrad's");
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

  /** Main model: max |score| 2.0; the compared (old) model: max 0.02, 100× smaller. */
  private static final class TwoModels implements io.gradlens.app.service.TextSaliencyService {
    List<WorkspaceEntry> fitting = List.of();
    List<WorkspaceEntry> asked;

    @Override
    public SaliencyResult explain(String t, io.gradlens.app.service.SaliencyRequest r,
        io.gradlens.util.ProgressListener p, io.gradlens.util.CancellationToken c) {
      return result(new double[] {0.5, -2.0, 1.0});
    }

    @Override
    public SaliencyResult explainWith(WorkspaceEntry m, String t,
        io.gradlens.app.service.SaliencyRequest r, io.gradlens.util.ProgressListener p,
        io.gradlens.util.CancellationToken c) {
      return result(new double[] {0.02, 0.001, -0.005});
    }

    @Override
    public io.gradlens.app.service.SaliencyMarkedRelevance markedRelevance(WorkspaceEntry other,
        WorkspaceEntry dataset, io.gradlens.app.service.SaliencyRequest request,
        io.gradlens.util.ProgressListener p, io.gradlens.util.CancellationToken c) {
      return new io.gradlens.app.service.SaliencyMarkedRelevance(0.07, 0.55, 24);
    }

    @Override
    public List<WorkspaceEntry> modelsFitting(List<WorkspaceEntry> candidates,
        WorkspaceEntry dataset, io.gradlens.util.ProgressListener p,
        io.gradlens.util.CancellationToken c) {
      asked = candidates;
      return candidates.stream().filter(fitting::contains).toList();
    }

    private static SaliencyResult result(double[] scores) {
      return new SaliencyResult(List.of("a", "b", "c"), scores, 1, new double[] {0.2, 0.8},
          List.of("neg", "pos"), "Gradient");
    }
  }

  private static WorkspaceEntry model(String name) {
    return new WorkspaceEntry("model:" + name, name, WorkspaceEntry.Kind.MODEL,
        WorkspaceEntry.Origin.TRAINED, null);
  }

  @Test
  void perModelScaleSaturatesTheOldModelsOwnMaximumSharedDoesNot() {
    TwoModels two = new TwoModels();
    SaliencyViewModel compare = new SaliencyViewModel(two, new ImmediateTaskRunner(), errors, text);
    text.set("a b c");
    compare.compareModelProperty().set(model("old"));
    assertEquals(CompareScale.PER_MODEL, compare.compareScaleProperty().get(), "the default");
    io.gradlens.app.color.DivergingColorScale old = compare.compareColorScaleProperty().get();
    assertEquals(1.0, old.normalize(0.02), 1e-12, "its own maximum saturates");
    assertEquals(io.gradlens.app.color.DivergingColorScale.POSITIVE, old.color(0.02));
    assertEquals(-0.25, old.normalize(-0.005), 1e-12);
    assertEquals(-1.0, compare.colorScaleProperty().get().normalize(-2.0), 1e-12);
    assertEquals(0.25, compare.colorScaleProperty().get().normalize(0.5), 1e-12);

    compare.compareScaleProperty().set(CompareScale.SHARED);
    old = compare.compareColorScaleProperty().get();
    assertEquals(0.01, old.normalize(0.02), 1e-12, "0.02 / 2.0 on the shared scale");
    assertSame(old, compare.colorScaleProperty().get());
    assertEquals("\u22122.00 \u2026 +2.00", old.rangeText());
  }

  @Test
  void compareChoicesAreTheOtherModelsThatFitAndAStaleChoiceIsCleared() {
    TwoModels two = new TwoModels();
    SaliencyViewModel compare = new SaliencyViewModel(two, new ImmediateTaskRunner(), errors, text);
    WorkspaceEntry current = model("current");
    WorkspaceEntry sibling = model("sibling");
    WorkspaceEntry foreign = model("digits");
    WorkspaceEntry data = new WorkspaceEntry("builtin:sentences", "sentences",
        WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.BUILT_IN, null);
    two.fitting = List.of(current, sibling);
    compare.offerCompareModels(List.of(data, current, sibling, foreign), data, current);
    assertEquals(List.of(sibling, foreign), two.asked, "models only, never the current one");
    assertEquals(List.of(sibling), compare.compareChoices());

    compare.compareModelProperty().set(sibling);
    two.fitting = List.of(current); // e.g. another dataset became current
    compare.offerCompareModels(List.of(data, current, sibling, foreign), data, current);
    assertEquals(List.of(), compare.compareChoices());
    assertNull(compare.compareModelProperty().get(), "a stale choice is cleared");

    two.fitting = List.of(current, sibling);
    compare.offerCompareModels(List.of(data, current, sibling), data, current);
    compare.compareModelProperty().set(sibling);
    compare.offerCompareModels(List.of(data, current, sibling), data, sibling);
    assertEquals(List.of(current), compare.compareChoices());
    assertNull(compare.compareModelProperty().get(), "the current model is not compared with itself");
    compare.offerCompareModels(List.of(data, current, sibling), null, current);
    assertEquals(List.of(), compare.compareChoices(), "no dataset, nothing to compare on");
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void theRelevanceLineHasThisExamplesSharesAndTheDatasetMeans() {
    TwoModels two = new TwoModels();
    SaliencyViewModel compare = new SaliencyViewModel(two, new ImmediateTaskRunner(), errors, text);
    WorkspaceEntry data = new WorkspaceEntry("file:decoys", "decoys", WorkspaceEntry.Kind.DATASET,
        WorkspaceEntry.Origin.OPENED, null);
    WorkspaceEntry old = model("old");
    two.fitting = List.of(old);
    compare.offerCompareModels(List.of(old), data, null);
    compare.modelNameProperty().set("new");
    text.set("a b c");
    assertEquals("", compare.markedRelevanceProperty().get(), "outside compare mode");
    compare.compareModelProperty().set(old);
    assertTrue(compare.markedRelevanceProperty().get().contains("this example has no marks"));
    // Token 0 marked. Old scores 0.02, 0.001, −0.005: 0.02 / 0.026; new 0.5, −2, 1: 0.5 / 3.5.
    compare.setMarkedPositions(new boolean[] {true, false, false});
    assertEquals("Relevance on marked tokens (\u201cold\u201d \u2192 \u201cnew\u201d): this "
        + "example 0.769 \u2192 0.143 \u00b7 mean over 24 marked test examples 0.550 \u2192 0.070",
        compare.markedRelevanceProperty().get());
    assertEquals(String.format(Locale.ROOT, "%.3f", 0.02 / 0.026), "0.769");
    compare.compareModelProperty().set(null);
    assertEquals("", compare.markedRelevanceProperty().get());
  }

  @Test
  void datasetMeansSayWhenNoTestExampleIsMarked() {
    assertEquals(" \u00b7 no test example carries a mark", MarkedRelevanceLine.datasetShares(
        io.gradlens.app.service.SaliencyMarkedRelevance.none()));
    assertEquals(" \u00b7 mean over 1 marked test example 0.250 \u2192 \u2013",
        MarkedRelevanceLine.datasetShares(new io.gradlens.app.service.SaliencyMarkedRelevance(
            Double.NaN, 0.25, 1)));
  }

  @Test
  void theCompletenessNoteIsTheCommandLinesGap() {
    SaliencyResult ig = new SaliencyResult(List.of("a", "b"), new double[] {0.25, -0.5}, 1,
        new double[] {0.4, 0.6}, List.of("neg", "pos"), "Integrated Gradients", null,
        java.util.Set.of(), java.util.Map.of("f_input", -0.5, "f_baseline", -0.2,
            "attribution_sum", -0.25, "completeness_gap", 0.05));
    assertEquals(" \u00b7 completeness gap |\u03a3 attributions \u2212 (f(x) \u2212 f(x\u2032))| = "
        + "0.0500 of f(x) \u2212 f(x\u2032) = -0.3000", SaliencyView.completenessNote(ig));
    assertEquals("", SaliencyView.completenessNote(new SaliencyResult(List.of("a"),
        new double[] {1}, 0, new double[] {1}, List.of("x"), "Gradient")));
  }
}
