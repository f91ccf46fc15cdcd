package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.service.InfluentialExample;
import io.gradlens.app.service.MislabelSuspects;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.cli.CliRun;
import io.gradlens.data.TextDataset;
import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.influence.InfluenceLayers;
import io.gradlens.io.ModelBundle;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import io.gradlens.workflow.influence.InfluenceCheckpoints;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.PreparedInfluence;
import io.gradlens.workflow.influence.TracInProjection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradlens influence} / {@code hidden-grad} and the workbench's services give the same
 * answers, since both run {@code io.gradlens.workflow}: on an LSTM trained in the test by
 * {@code gradlens train --checkpoint-every 1} on 48 review sentences (12 test), the same
 * proponents, opponents, scores and representer fidelity (representer points and TracIn), the same
 * self-influence suspects, the same refusal of TracIn without checkpoints, a rebuilt (not reused)
 * index once the model file changes, and the same hidden-state map and dataset curves.
 */
class InfluenceAndHiddenStateFrontEndsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TOLERANCE = 1e-6;

  @TempDir
  static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void trainWithCheckpoints() throws Exception {
    data = TinyReviews.write(dir);
    model = dir.resolve("tiny-lstm.gradlens");
    train(model, "2");
  }

  private static void train(Path out, String epochs) {
    CliRun run = CliRun.of("train", "--dataset", data.toString(), "--arch", "lstm", "--epochs",
        epochs, "--embedding-dim", "8", "--units", "8", "--batch-size", "16", "--lr", "0.05",
        "--checkpoint-every", "1", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  /** The workbench with {@code modelFile} opened and the tiny dataset opened. */
  private record Bench(CoreWorkspace workspace, String datasetId) {
    static Bench of(Path modelFile, String name) throws Exception {
      CoreWorkspace w = new CoreWorkspace(Path.of("assets/models"), dir.resolve(name + "-edits"));
      w.openModel(modelFile);
      return new Bench(w, w.openDataset(data).id());
    }
  }

  private static JsonNode cli(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return JSON.readTree(run.out());
  }

  @Test
  void proponentsOpponentsScoresAndFidelityAgreeForRepresenterAndTracIn() throws Exception {
    Bench bench = Bench.of(model, "agree");
    CoreInfluenceService service = new CoreInfluenceService(bench.workspace(),
        dir.resolve("gui-cache"));
    for (InfluenceMethod method : InfluenceMethod.values()) {
      for (int test : new int[] {0, 3}) {
        JsonNode json = cli("influence", "--model", model.toString(), "--dataset",
            data.toString(), "--method", method.id(), "--test-index", Integer.toString(test),
            "--top", "5", "--cache-dir", dir.resolve("cli-cache").toString());
        InfluenceResult gui = service.explain(bench.datasetId(), "test/" + test, method, 5,
            ProgressListener.NONE, CancellationToken.NONE);
        String what = method.id() + " test/" + test;
        assertFalse(gui.proponents().isEmpty() && gui.opponents().isEmpty(), what);
        assertSameRows(json.get("proponents"), gui.proponents(), what);
        assertSameRows(json.get("opponents"), gui.opponents(), what);
        assertEquals(json.get("class_name").asText(), gui.explainedClass(), what);
        assertEquals(method.id(), json.get("method").asText());
        assertEquals(method, gui.method());
        if (method == InfluenceMethod.REPRESENTER) {
          assertTrue(json.get("fidelity").isNumber(), what);
          assertEquals(json.get("fidelity").asDouble(), gui.fidelity(), TOLERANCE, what);
          assertEquals(0, json.get("checkpoints").asInt());
          assertEquals(0, gui.checkpoints());
        } else {
          assertTrue(json.get("fidelity").isNull(), "TracIn decomposes no logit");
          assertTrue(Double.isNaN(gui.fidelity()));
          assertEquals(2, json.get("checkpoints").asInt(), "one checkpoint per epoch");
          assertEquals(2, gui.checkpoints());
        }
      }
    }
  }

  @Test
  void checkpointsHandedOverWithAModelTrainedInTheSessionScoreAsTheSavedOnes() throws Exception {
    CoreWorkspace w = new CoreWorkspace(Path.of("assets/models"), dir.resolve("session-edits"));
    WorkspaceEntry trained = w.addTrained(ModelBundle.read(model), "in session");
    w.selectModel(trained);
    String datasetId = w.openDataset(data).id();
    List<CheckpointRecorder.Checkpoint> inMemory =
        List.copyOf(CheckpointRecorder.load(Path.of(model + ".checkpoints")));
    CoreInfluenceService without = new CoreInfluenceService(w, dir.resolve("session-cache"));
    assertEquals(InfluenceCheckpoints.missingMessage(null),
        without.unavailable(InfluenceMethod.TRACIN).orElseThrow());
    CoreInfluenceService service = new CoreInfluenceService(w, dir.resolve("session-cache"),
        entry -> entry.id().equals(trained.id()) ? inMemory : List.of());
    assertTrue(service.unavailable(InfluenceMethod.TRACIN).isEmpty());

    JsonNode json = cli("influence", "--model", model.toString(), "--dataset", data.toString(),
        "--method", "tracin", "--test-index", "2", "--top", "4", "--no-cache");
    InfluenceResult gui = service.explain(datasetId, "test/2", InfluenceMethod.TRACIN, 4,
        ProgressListener.NONE, CancellationToken.NONE);
    assertSameRows(json.get("proponents"), gui.proponents(), "recorded proponents");
    assertSameRows(json.get("opponents"), gui.opponents(), "recorded opponents");
    assertTrue(service.explain(datasetId, "test/3", InfluenceMethod.TRACIN, 4,
        ProgressListener.NONE, CancellationToken.NONE).cached(), "kept in memory");
    assertFalse(Files.exists(dir.resolve("session-cache")), "no file, no disk key");
  }

  @Test
  void selfInfluenceSuspectsAgree() throws Exception {
    Bench bench = Bench.of(model, "suspects");
    CoreInfluenceService service = new CoreInfluenceService(bench.workspace(),
        dir.resolve("gui-suspects-cache"));
    for (InfluenceMethod method : InfluenceMethod.values()) {
      JsonNode json = cli("influence", "--model", model.toString(), "--dataset", data.toString(),
          "--method", method.id(), "--self-influence", "--top", "7", "--no-cache");
      MislabelSuspects gui = service.suspects(bench.datasetId(), method, 7,
          ProgressListener.NONE, CancellationToken.NONE);
      assertEquals(7, gui.suspects().size());
      assertSameRows(json.get("top"), gui.suspects(), method.id() + " self-influence");
    }
  }

  private static void assertSameRows(JsonNode cli, List<InfluentialExample> gui, String what) {
    assertEquals(cli.size(), gui.size(), what);
    for (int i = 0; i < gui.size(); i++) {
      JsonNode row = cli.get(i);
      assertEquals("train/" + row.get("train_index").asInt(), gui.get(i).exampleId(), what);
      assertEquals(row.get("label").asText(), gui.get(i).label(), what);
      assertEquals(row.get("score").asDouble(), gui.get(i).score(), TOLERANCE, what);
    }
  }

  @Test
  void tracInWithoutCheckpointsIsRefusedWithOneMessageEverywhere() throws Exception {
    Path bare = dir.resolve("bare.gradlens");
    Files.copy(model, bare, StandardCopyOption.REPLACE_EXISTING);
    String expected = InfluenceCheckpoints.missingMessage(Path.of(bare + ".checkpoints"));
    assertTrue(expected.contains("--checkpoint-every"), expected);

    CliRun run = CliRun.of("influence", "--model", bare.toString(), "--dataset", data.toString(),
        "--method", "tracin", "--test-index", "0");
    assertEquals(2, run.exitCode(), run.err());
    assertEquals("gradlens influence: " + expected, run.err().trim());
    assertTrue(run.out().isEmpty(), "no silent switch to another method: " + run.out());

    Bench bench = Bench.of(bare, "bare");
    CoreInfluenceService service = new CoreInfluenceService(bench.workspace(),
        dir.resolve("bare-cache"));
    assertEquals(expected, service.unavailable(InfluenceMethod.TRACIN).orElseThrow());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> service.explain(bench.datasetId(), "test/0", InfluenceMethod.TRACIN, 5,
            ProgressListener.NONE, CancellationToken.NONE));
    assertEquals(expected, refused.getMessage());
    assertTrue(service.unavailable(InfluenceMethod.REPRESENTER).isEmpty());
  }

  @Test
  void aChangedModelGetsANewKeyAndIsRebuiltWhileTheFrontEndsShareTheCache() throws Exception {
    Path changing = dir.resolve("changing.gradlens");
    Files.copy(model, changing, StandardCopyOption.REPLACE_EXISTING);
    Path cache = dir.resolve("shared-cache");
    String[] args = {"influence", "--model", changing.toString(), "--dataset", data.toString(),
        "--test-index", "1", "--cache-dir", cache.toString()};
    JsonNode first = cli(args);
    assertFalse(first.get("cached").asBoolean());
    String key = first.get("cache_key").asText();
    assertTrue(Files.isDirectory(cache.resolve(key)), "cached under its key");

    Bench bench = Bench.of(changing, "changing");
    CoreInfluenceService service = new CoreInfluenceService(bench.workspace(), cache);
    PreparedInfluence gui = service.prepare(bench.datasetId(),
        bench.workspace().editedDataset(bench.datasetId()), InfluenceMethod.REPRESENTER,
        TracInProjection.DEFAULT, ProgressListener.NONE, CancellationToken.NONE);
    assertEquals(key, gui.cacheKey(), "the workbench computes the command line's key");
    assertTrue(gui.cached(), "and reads what the command line cached");

    train(changing, "1");
    JsonNode rebuilt = cli(args);
    assertNotEquals(key, rebuilt.get("cache_key").asText(), "a changed model has a new key");
    assertFalse(rebuilt.get("cached").asBoolean(), "so its index is rebuilt, not reused");
    assertTrue(cli(args).get("cached").asBoolean());

    Bench reopened = Bench.of(changing, "reopened");
    PreparedInfluence fresh = new CoreInfluenceService(reopened.workspace(),
        dir.resolve("fresh-cache")).prepare(reopened.datasetId(),
        reopened.workspace().editedDataset(reopened.datasetId()), InfluenceMethod.REPRESENTER,
        TracInProjection.DEFAULT, ProgressListener.NONE, CancellationToken.NONE);
    assertEquals(rebuilt.get("cache_key").asText(), fresh.cacheKey());
    assertFalse(fresh.cached());
  }

  @Test
  void projectedTracInHasTheSameCacheKeyFromTheCommandLineAndTheWorkbench() throws Exception {
    Path cache = dir.resolve("projected-cache");
    JsonNode first = cli("influence", "--model", model.toString(), "--dataset", data.toString(),
        "--method", "tracin-projected", "--layers", "embedding,recurrent,dense",
        "--projection-dim", "32", "--projection-seed", "5", "--test-index", "1", "--top", "4",
        "--cache-dir", cache.toString());
    assertFalse(first.get("cached").asBoolean());
    String key = first.get("cache_key").asText();

    Bench bench = Bench.of(model, "projected");
    CoreInfluenceService service = new CoreInfluenceService(bench.workspace(), cache);
    TracInProjection gui = new TracInProjection(new InfluenceLayers(EnumSet.allOf(
        InfluenceLayers.Kind.class)), 32, 5);
    PreparedInfluence prepared = service.prepare(bench.datasetId(),
        bench.workspace().editedDataset(bench.datasetId()), InfluenceMethod.TRACIN_PROJECTED, gui,
        ProgressListener.NONE, CancellationToken.NONE);
    assertEquals(key, prepared.cacheKey(), "the workbench computes the command line's key");
    assertTrue(prepared.cached(), "and reads what the command line cached");
    InfluenceResult shown = service.explain(bench.datasetId(), "test/1",
        InfluenceMethod.TRACIN_PROJECTED, gui, 4, ProgressListener.NONE, CancellationToken.NONE);
    assertSameRows(first.get("proponents"), shown.proponents(), "projected proponents");
    assertSameRows(first.get("opponents"), shown.opponents(), "projected opponents");
    assertEquals(32, shown.projection().dimension());

    // --layers all chooses the same weights of this LSTM, so the same index; another d does not.
    JsonNode all = cli("influence", "--model", model.toString(), "--dataset", data.toString(),
        "--method", "tracin-projected", "--projection-dim", "32", "--projection-seed", "5",
        "--self", "--top", "3", "--cache-dir", cache.toString());
    assertEquals(key, all.get("cache_key").asText());
    assertTrue(all.get("cached").asBoolean());
    PreparedInfluence other = service.prepare(bench.datasetId(),
        bench.workspace().editedDataset(bench.datasetId()), InfluenceMethod.TRACIN_PROJECTED,
        new TracInProjection(gui.layers(), 33, 5), ProgressListener.NONE, CancellationToken.NONE);
    assertNotEquals(key, other.cacheKey());
    assertFalse(other.cached());
  }

  @Test
  void anEditedDatasetHasNoDiskKey() throws Exception {
    Bench bench = Bench.of(model, "edited");
    CoreDatasetEditService edits = new CoreDatasetEditService(bench.workspace());
    edits.add(bench.datasetId(), new io.gradlens.data.edits.DatasetEdit.Exclude(
        edits.reference(bench.datasetId(), "train/0")));
    PreparedInfluence p = new CoreInfluenceService(bench.workspace(), dir.resolve("edit-cache"))
        .prepare(bench.datasetId(), bench.workspace().editedDataset(bench.datasetId()),
            InfluenceMethod.REPRESENTER, TracInProjection.DEFAULT, ProgressListener.NONE,
            CancellationToken.NONE);
    assertNull(p.cacheKey());
    assertFalse(Files.exists(dir.resolve("edit-cache")));
  }

  @Test
  void hiddenStateMapAndDatasetCurvesAgree() throws Exception {
    Bench bench = Bench.of(model, "hidden");
    CoreHiddenStateService service = new CoreHiddenStateService(bench.workspace());
    String text = "a gripping story with wonderful acting but a dull and predictable ending";
    JsonNode json = cli("hidden-grad", "--model", model.toString(), "--text", text);
    HiddenStateGradientMap gui = service.map(text, ProgressListener.NONE, CancellationToken.NONE);
    int n = gui.steps();
    assertTrue(n > 5, "a real sequence: " + n);
    assertEquals(n, json.get("map").size());
    for (int t = 0; t < n; t++) {
      assertEquals(json.get("tokens").get(t).asText(), gui.tokens().get(t));
      assertEquals(json.get("hidden").get(t).asDouble(), gui.hidden()[t], TOLERANCE);
      assertEquals(json.get("curve").get(t).asDouble(), gui.curve()[t], TOLERANCE);
      for (int s = 0; s < n; s++) {
        assertEquals(json.get("map").get(t).get(s).asDouble(), gui.at(t, s), TOLERANCE,
            "G[" + t + "][" + s + "]");
      }
    }

    JsonNode curves = cli("hidden-grad", "--model", model.toString(), "--dataset",
        data.toString(), "--split", "test", "--sample", "5", "--seed", "3");
    List<String> texts = HiddenStateWorkflow.texts(bench.workspace().dataset(bench.datasetId()),
        "test");
    assertEquals(((TextDataset) bench.workspace().dataset(bench.datasetId())).test().size(),
        texts.size());
    HiddenStateCurves sampled = service.sample(texts, 5, 3, ProgressListener.NONE,
        CancellationToken.NONE).curves();
    assertEquals(5, curves.get("sequences").asInt());
    assertEquals(sampled.mean().length, curves.get("mean").size());
    for (int t = 0; t < sampled.mean().length; t++) {
      assertEquals(curves.get("mean").get(t).asDouble(), sampled.mean()[t], TOLERANCE);
      assertEquals(curves.get("std").get(t).asDouble(), sampled.std()[t], TOLERANCE);
      assertEquals(curves.get("count").get(t).asInt(), sampled.count()[t]);
    }
  }
}
