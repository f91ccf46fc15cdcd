package io.gradlens.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SessionState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a start restores ({@link StartPlan}) and what the quit path asks ({@link QuitFlow}). */
class SessionPlanTest {

  private static final Set<String> KNOWN = Set.of("builtin:sentences", "builtin:mnist",
      "shipped:sentiment-lstm", "shipped:mnist-cnn");

  private static StartPlan plan(SessionState s, Path... existing) {
    return StartPlan.of(s, KNOWN, p -> List.of(existing).contains(p), "builtin:sentences",
        "shipped:sentiment-lstm");
  }

  @Test
  void aFirstStartOpensTheDefaults() {
    assertEquals(new StartPlan("builtin:sentences", null, "shipped:sentiment-lstm", null, null),
        plan(SessionState.none()));
  }

  @Test
  void knownIdsAreRestoredWithTheTab() {
    SessionState s = new SessionState("builtin:mnist", null, "shipped:mnist-cnn", null,
        "tab-influence", null);
    assertEquals(new StartPlan("builtin:mnist", null, "shipped:mnist-cnn", null, "tab-influence"),
        plan(s));
  }

  @Test
  void filesAreOpenedAgainWhileTheyExist() {
    Path csv = Path.of("/data/reviews.csv");
    Path model = Path.of("/models/mine.gradlens");
    SessionState s = new SessionState("file:" + csv, csv.toString(), "opened:" + model,
        model.toString(), "tab-data", null);
    assertEquals(new StartPlan(null, csv, null, model, "tab-data"), plan(s, csv, model));
    // Both gone: the default dataset, and with it the default model.
    assertEquals(new StartPlan("builtin:sentences", null, "shipped:sentiment-lstm", null,
        "tab-data"), plan(s));
  }

  @Test
  void aTrainedModelThatWasNeverSavedIsGone() {
    SessionState s = new SessionState("builtin:mnist", null, "trained:1", null, null, null);
    StartPlan p = plan(s);
    assertEquals("builtin:mnist", p.datasetId());
    assertEquals(null, p.modelId(), "the sentiment model is not put beside digits");
  }

  private static WorkspaceEntry trained(String id) {
    return new WorkspaceEntry(id, "trained " + id, WorkspaceEntry.Kind.MODEL,
        WorkspaceEntry.Origin.TRAINED, null);
  }

  /** Records what the flow did. */
  private static final class Run {
    final List<String> log = new ArrayList<>();
    boolean training;
    boolean quitDuringTraining;
    QuitFlow.Choice choice = QuitFlow.Choice.CANCEL;
    final UnsavedModels unsaved = new UnsavedModels();
    final List<WorkspaceEntry> entries = new ArrayList<>(List.of(
        new WorkspaceEntry("shipped:x", "x", WorkspaceEntry.Kind.MODEL,
            WorkspaceEntry.Origin.BUILT_IN, null),
        new WorkspaceEntry("builtin:d", "d", WorkspaceEntry.Kind.DATASET,
            WorkspaceEntry.Origin.BUILT_IN, null)));

    boolean quit() {
      QuitFlow flow = new QuitFlow(new QuitFlow.Questions() {
        @Override
        public boolean quitDuringTraining() {
          log.add("asked: training");
          return quitDuringTraining;
        }

        @Override
        public QuitFlow.Choice unsavedModels(List<WorkspaceEntry> models) {
          log.add("asked: " + models.stream().map(WorkspaceEntry::id).toList());
          return choice;
        }
      }, () -> training, () -> log.add("cancelled training"), () -> unsaved.among(entries),
          (models, then) -> {
            log.add("saved " + models.size());
            then.run();
          });
      return flow.quit(() -> log.add("closed"));
    }
  }

  @Test
  void withNothingUnsavedQuitAsksNothing() {
    Run r = new Run();
    assertTrue(r.quit());
    assertEquals(List.of("closed"), r.log);
  }

  @Test
  void unsavedTrainedModelsAreOfferedAndEachAnswerDoesWhatItSays() {
    Run r = new Run();
    r.entries.add(trained("trained:1"));
    r.entries.add(trained("trained:2"));
    r.unsaved.markSaved("trained:2");
    assertFalse(r.quit(), "Cancel stays");
    assertEquals(List.of("asked: [trained:1]"), r.log);
    r.log.clear();
    r.choice = QuitFlow.Choice.DISCARD;
    assertTrue(r.quit());
    assertEquals(List.of("asked: [trained:1]", "closed"), r.log);
    r.log.clear();
    r.choice = QuitFlow.Choice.SAVE_ALL;
    assertTrue(r.quit());
    assertEquals(List.of("asked: [trained:1]", "saved 1", "closed"), r.log);
  }

  @Test
  void quittingDuringTrainingAsksFirstAndStopsTheRun() {
    Run r = new Run();
    r.training = true;
    assertFalse(r.quit());
    assertEquals(List.of("asked: training"), r.log);
    r.log.clear();
    r.quitDuringTraining = true;
    assertTrue(r.quit());
    assertEquals(List.of("asked: training", "cancelled training", "closed"), r.log);
  }
}
