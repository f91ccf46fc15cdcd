package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.service.InfluentialExample;
import io.gradlens.app.service.MislabelSuspects;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.cli.CliRun;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceIndex;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.nn.Classifier;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.influence.InfluenceMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CoreInfluenceService} with the shipped sentiment LSTM on a small dataset file of the
 * review sentences (48 train, 12 test): scores equal the core's on the edited dataset, edits map
 * training positions back to the unedited dataset, excluded and unavailable inputs say so.
 */
class CoreInfluenceServiceTest {

  private static final Path MODELS = Path.of("assets/models");

  @TempDir
  Path dir;
  private CoreWorkspace workspace;
  private CoreInfluenceService service;
  private CoreDatasetEditService edits;
  private String datasetId;

  @BeforeEach
  void setUp() throws Exception {
    Path file = TinyReviews.write(dir);
    workspace = new CoreWorkspace(MODELS, dir.resolve("edits"));
    workspace.selectModel(workspace.entry("shipped:sentiment-lstm").orElseThrow());
    datasetId = workspace.openDataset(file).id();
    service = new CoreInfluenceService(workspace, dir.resolve("cache"));
    edits = new CoreDatasetEditService(workspace);
  }

  private InfluenceResult explain(String exampleId) throws Exception {
    return service.explain(datasetId, exampleId, InfluenceMethod.REPRESENTER, 5,
        ProgressListener.NONE, CancellationToken.NONE);
  }

  @Test
  void scoresEqualTheCoresOnTheEditedDatasetAndNameUneditedPositions() throws Exception {
    edits.add(datasetId, new DatasetEdit.Exclude(edits.reference(datasetId, "train/0")));
    edits.add(datasetId, new DatasetEdit.Exclude(edits.reference(datasetId, "test/1")));
    InfluenceResult r = explain("test/3");

    Classifier model = workspace.currentModel();
    TextDataset edited = (TextDataset) workspace.dataset(datasetId);
    InfluenceData data = InfluenceData.of(model, edited);
    InfluenceIndex index = InfluenceIndex.representer(model.network(), data.train(), data.test(),
        RepresenterPoints.DEFAULT_LAMBDA);
    // test/3 of the file is position 2 of the edited test split (test/1 is excluded).
    InfluenceRanking expected = index.explain(2, index.predicted(2), 5);
    assertScores(expected.proponents(), r.proponents());
    assertScores(expected.opponents(), r.opponents());
    assertEquals(index.testFidelity().pearson(), r.fidelity(), 1e-12);

    TextDataset raw = (TextDataset) workspace.rawDataset(datasetId);
    for (InfluentialExample e : r.proponents()) {
      int original = Integer.parseInt(e.exampleId().substring("train/".length()));
      assertTrue(original >= 1, "train/0 is excluded");
      assertEquals(raw.train().get(original).text(), e.text(), e.exampleId());
    }
    assertFalse(r.cached());
    assertTrue(explain("test/4").cached(), "the second query reuses the precomputation");
    assertFalse(Files.exists(dir.resolve("cache")), "an opened, edited dataset is cached in memory only");
  }

  private static void assertScores(List<InfluenceRanking.Score> expected,
      List<InfluentialExample> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      // Training position p of the edited split is train/(p + 1): train/0 is left out.
      assertEquals("train/" + (expected.get(i).trainIndex() + 1), actual.get(i).exampleId());
      assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-12);
    }
  }

  @Test
  void anExcludedTestExampleAndTracInWithoutCheckpointsAreRefusedWithAReason() throws Exception {
    edits.add(datasetId, new DatasetEdit.Exclude(edits.reference(datasetId, "test/2")));
    IllegalArgumentException excluded = assertThrows(IllegalArgumentException.class,
        () -> explain("test/2"));
    assertTrue(excluded.getMessage().contains("excluded"), excluded.getMessage());

    assertTrue(service.unavailable(InfluenceMethod.REPRESENTER).isEmpty());
    String reason = service.unavailable(InfluenceMethod.TRACIN).orElseThrow();
    assertTrue(reason.contains("sentiment-lstm.gradlens.checkpoints"), reason);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> service.explain(datasetId, "test/0", InfluenceMethod.TRACIN, 5,
            ProgressListener.NONE, CancellationToken.NONE));
    assertEquals(reason, refused.getMessage());
  }

  @Test
  void suspectsAreTheCoresSelfInfluenceRankingAndACancelStopsThePrecomputation()
      throws Exception {
    CancellationToken cancelled = new CancellationToken();
    cancelled.cancel();
    assertThrows(CancellationToken.CancelledException.class, () -> service.suspects(datasetId,
        InfluenceMethod.REPRESENTER, 5, ProgressListener.NONE, cancelled));

    MislabelSuspects s = service.suspects(datasetId, InfluenceMethod.REPRESENTER, 5,
        ProgressListener.NONE, CancellationToken.NONE);
    Classifier model = workspace.currentModel();
    InfluenceData data = InfluenceData.of(model, workspace.dataset(datasetId));
    var expected = InfluenceIndex.representer(model.network(), data.train(), data.test(),
        RepresenterPoints.DEFAULT_LAMBDA).selfInfluence(5).top();
    assertEquals(5, s.suspects().size());
    for (int i = 0; i < 5; i++) {
      assertEquals("train/" + expected.get(i).trainIndex(), s.suspects().get(i).exampleId());
      assertEquals(expected.get(i).score(), s.suspects().get(i).score(), 1e-12);
    }
    assertEquals(datasetId, s.datasetId());
    WorkspaceEntry entry = workspace.entry(datasetId).orElseThrow();
    assertEquals("tiny.tsv", entry.name());
  }

  @Test
  void tracInUsesTheCheckpointsTheTrainCommandSavedBesideTheModel() throws Exception {
    Path model = dir.resolve("tiny-lstm.gradlens");
    Path data = dir.resolve("tiny.tsv");
    CliRun train = CliRun.of("train", "--dataset", data.toString(), "--arch", "lstm", "--epochs",
        "2", "--embedding-dim", "8", "--units", "8", "--batch-size", "16", "--lr", "0.05",
        "--checkpoint-every", "1", "--out", model.toString());
    assertEquals(0, train.exitCode(), train.err());
    Path checkpoints = Path.of(model + ".checkpoints");
    List<CheckpointRecorder.Checkpoint> saved = CheckpointRecorder.load(checkpoints);
    assertEquals(List.of(1, 2), saved.stream().map(CheckpointRecorder.Checkpoint::epoch).toList());
    workspace.openModel(model);
    assertTrue(service.unavailable(InfluenceMethod.TRACIN).isEmpty());

    InfluenceResult r = service.explain(datasetId, "test/0", InfluenceMethod.TRACIN, 4,
        ProgressListener.NONE, CancellationToken.NONE);
    Classifier classifier = workspace.currentModel();
    InfluenceData examples = InfluenceData.of(classifier, workspace.dataset(datasetId));
    InfluenceIndex index = InfluenceIndex.tracin(classifier.network(), saved, examples.train(),
        examples.test());
    InfluenceRanking expected = index.explain(0, index.predicted(0), 4);
    List<InfluenceRanking.Score> all = new ArrayList<>(expected.proponents());
    all.addAll(expected.opponents());
    List<InfluentialExample> shown = new ArrayList<>(r.proponents());
    shown.addAll(r.opponents());
    assertEquals(all.size(), shown.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals("train/" + all.get(i).trainIndex(), shown.get(i).exampleId());
      assertEquals(all.get(i).score(), shown.get(i).score(), 1e-12);
    }
    assertTrue(Double.isNaN(r.fidelity()), "TracIn has no fidelity figure");
  }
}
