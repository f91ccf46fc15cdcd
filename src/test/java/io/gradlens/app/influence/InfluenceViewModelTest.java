package io.gradlens.app.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.FakeInfluenceService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.Example;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Influence tab's example mode without JavaFX nodes. */
class InfluenceViewModelTest {

  private final FakeInfluenceService service = new FakeInfluenceService();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final SimpleObjectProperty<Example> example = new SimpleObjectProperty<>();
  private final SimpleObjectProperty<WorkspaceEntry> dataset = new SimpleObjectProperty<>(
      new WorkspaceEntry("builtin:sentences", "sentences", WorkspaceEntry.Kind.DATASET,
          WorkspaceEntry.Origin.BUILT_IN, null));
  private InfluenceViewModel model;

  @BeforeEach
  void setUp() {
    model = new InfluenceViewModel(service, new ImmediateTaskRunner(), errors, example, dataset);
  }

  private static Example example(int index) {
    return new Example("test/" + index, "sentence " + index, "positive", "positive", 0.9);
  }

  @Test
  void computesOnlyWhileActiveAndThenForEveryNewExample() {
    example.set(example(2));
    assertTrue(service.explained.isEmpty(), "nothing computed while the tab is hidden");
    model.activeProperty().set(true);
    assertEquals(List.of("builtin:sentences|test/2|representer|10"), service.explained);
    example.set(example(5));
    assertEquals("builtin:sentences|test/5|representer|10", service.explained.get(1));
    model.activeProperty().set(false);
    example.set(example(6));
    assertEquals(2, service.explained.size());
    model.activeProperty().set(true);
    assertEquals("builtin:sentences|test/6|representer|10", service.explained.get(2));
    model.activeProperty().set(false);
    model.activeProperty().set(true);
    assertEquals(3, service.explained.size(), "an up-to-date result is not computed again");
  }

  @Test
  void ranksProponentsAndOpponentsAndExportsThemInOrder() {
    model.activeProperty().set(true);
    model.topProperty().set(3);
    example.set(example(1));
    List<RankedExample> pro = model.proponents();
    assertEquals(List.of(1, 2, 3), pro.stream().map(RankedExample::rank).toList());
    assertEquals(List.of(6.0, 4.0, 2.0), pro.stream().map(r -> r.example().score()).toList());
    assertEquals(List.of(-6.0, -4.0, -2.0), model.opponents().stream()
        .map(r -> r.example().score()).toList());
    List<List<String>> csv = model.csvRows();
    assertEquals(6, csv.size());
    assertEquals(List.of("proponent", "1", "train/0", "positive", "6.00000000", "text 0"),
        csv.get(0));
    assertEquals(List.of("opponent", "3", "train/102", "negative", "-2.00000000", "text 102"),
        csv.get(5));
    assertEquals("Representer fidelity r = 0.9900", model.fidelityProperty().get());
    assertTrue(model.statusProperty().get().startsWith("Representer points of test/1 for class"),
        model.statusProperty().get());
    assertTrue(model.statusProperty().get().contains("query 0.25 ms"),
        model.statusProperty().get());
    assertEquals("test/1 \u00b7 gold positive \u00b7 predicted positive (0.90): \u201csentence 1\u201d",
        model.subjectProperty().get());
  }

  @Test
  void tracInWithoutCheckpointsSaysHowToGetThemAndComputesNothing() {
    model.activeProperty().set(true);
    example.set(example(1));
    assertEquals(1, service.explained.size());
    model.methodProperty().set(InfluenceMethod.TRACIN);
    assertEquals(1, service.explained.size());
    assertTrue(model.methodHintProperty().get().contains("CheckpointRecorder"));
    assertTrue(model.proponents().isEmpty());
    assertEquals("", model.fidelityProperty().get());
    service.checkpoints = true;
    model.recompute();
    assertEquals("builtin:sentences|test/1|tracin|10", service.explained.get(1));
    assertEquals("", model.methodHintProperty().get());
    assertEquals("", model.fidelityProperty().get(), "TracIn has no fidelity figure");
    assertTrue(model.statusProperty().get().startsWith("TracIn (last layer) over 2 checkpoints of test/1"),
        model.statusProperty().get());
    assertFalse(model.proponents().isEmpty());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void withoutAnExampleItAsksForOne() {
    model.activeProperty().set(true);
    assertTrue(service.explained.isEmpty());
    assertTrue(model.statusProperty().get().startsWith("Select a test example"));
    assertEquals(InfluenceViewModel.SELECT_EXAMPLE, model.computeBlockedProperty().get());
    example.set(example(3));
    assertEquals("", model.computeBlockedProperty().get());
    example.set(null);
    assertEquals(InfluenceViewModel.SELECT_EXAMPLE, model.computeBlockedProperty().get());
  }

  @Test
  void projectedTracInSendsItsSettingsAndRecomputesWhenTheyChange() {
    service.checkpoints = true;
    model.activeProperty().set(true);
    example.set(example(2));
    ProjectionSettingsModel settings = model.projectionSettings();
    settings.dimensionProperty().set(64);
    assertEquals(1, service.explained.size(), "the settings do not concern representer points");
    model.methodProperty().set(InfluenceMethod.TRACIN_PROJECTED);
    assertEquals("builtin:sentences|test/2|tracin-projected|10|embedding,recurrent,dense|64",
        service.explained.get(1));
    settings.embeddingProperty().set(false);
    assertEquals("builtin:sentences|test/2|tracin-projected|10|recurrent,dense|64",
        service.explained.get(2));
    assertTrue(model.statusProperty().get().contains("(recurrent,dense weights, d = 64)"),
        model.statusProperty().get());
    settings.recurrentProperty().set(false);
    settings.denseProperty().set(false);
    assertEquals(InfluenceViewModel.TICK_A_LAYER, model.computeBlockedProperty().get());
    assertEquals(4, service.explained.size(), "dense alone was computed, no layer is not");
    assertTrue(model.proponents().isEmpty());
    assertTrue(model.statusProperty().get().startsWith(InfluenceViewModel.TICK_A_LAYER),
        model.statusProperty().get());
    model.methodProperty().set(InfluenceMethod.REPRESENTER);
    assertEquals("", model.computeBlockedProperty().get(), "representer points need no layers");
  }

  @Test
  void barLabelsAreShortenedWithAnEllipsisAndScoresShowThreeDigits() {
    assertEquals("a fine film", InfluenceBarChart.shorten("  a fine\n film ", 32));
    String longText = "this is a rather long review sentence that goes on and on";
    String shortened = InfluenceBarChart.shorten(longText, 32);
    assertEquals(32, shortened.length());
    assertEquals("this is a rather long review se\u2026", shortened);
    assertEquals("-1.27e-05", RankingTable.shortScore(-1.2712760023094851e-5));
    assertEquals("3.91", RankingTable.shortScore(3.9075077868581367));
    assertEquals("1.32e+03", RankingTable.shortScore(1315.787113020868));
  }

  @Test
  void badInputIsSaidInTheStatusLineAndOnlyRealFailuresOpenADialog() {
    model.activeProperty().set(true);
    service.failure = new IllegalArgumentException("dataset mnist holds images but the model reads text");
    example.set(example(1));
    assertEquals("Failed: dataset mnist holds images but the model reads text",
        model.statusProperty().get());
    assertTrue(errors.reports().isEmpty());
    service.failure = new IllegalStateException("native memory exhausted");
    example.set(example(2));
    assertEquals(1, errors.reports().size());
    assertFalse(model.busyProperty().get());
  }
}
