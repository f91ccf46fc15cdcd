package io.gradlens.app.core;

import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.InfluentialExample;
import io.gradlens.app.service.MislabelSuspects;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.EditedDataset;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.influence.InfluenceCheckpoints;
import io.gradlens.workflow.influence.InfluenceDatasetName;
import io.gradlens.workflow.influence.InfluenceExplanation;
import io.gradlens.workflow.influence.InfluenceIndexRequest;
import io.gradlens.workflow.influence.InfluenceIndexWorkflow;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.PreparedInfluence;
import io.gradlens.workflow.influence.TracInProjection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * {@link InfluenceService} over {@link InfluenceIndexWorkflow}, the same use case as
 * {@code gradlens influence} (cache key, checkpoint discovery and the refusal of TracIn without
 * checkpoints are stated there). This class only maps workspace ids ({@code test/17}: positions in
 * the unedited dataset) to positions in the edited splits and back, and adds the texts and images
 * the tab shows.
 */
public final class CoreInfluenceService implements InfluenceService {

  private static final Logger LOG = Logger.getLogger(CoreInfluenceService.class.getName());

  private final CoreWorkspace workspace;
  private final InfluenceIndexWorkflow workflow;
  private final Function<WorkspaceEntry, List<Checkpoint>> recorded;

  /** Caches beside each model file ({@code <model>.influence/}), as the command line does. */
  public CoreInfluenceService(CoreWorkspace workspace) {
    this(workspace, null);
  }

  /**
   * @param workspace the shared state
   * @param cacheRoot folder for the disk cache instead of {@code <model>.influence} (the command
   *     line's {@code --cache-dir}), or {@code null}
   */
  public CoreInfluenceService(CoreWorkspace workspace, Path cacheRoot) {
    this(workspace, cacheRoot, entry -> workspace.recordedCheckpoints(entry.id()));
  }

  /**
   * @param workspace the shared state
   * @param cacheRoot as above, or {@code null}
   * @param recorded the TracIn checkpoints recorded in memory while a model of this session
   *     trained (empty for none); used when the model has no {@code <model>.checkpoints/} folder.
   *     Return the same list for the same model, so the memory cache recognises it.
   */
  public CoreInfluenceService(CoreWorkspace workspace, Path cacheRoot,
      Function<WorkspaceEntry, List<Checkpoint>> recorded) {
    this.workspace = workspace;
    this.workflow = new InfluenceIndexWorkflow(cacheRoot, true, LOG::warning);
    this.recorded = recorded;
  }

  @Override
  public Optional<String> unavailable(InfluenceMethod method) {
    return InfluenceIndexWorkflow.unavailable(method, modelFile(), checkpoints());
  }

  /** The checkpoints beside the model file, else those recorded in memory, else none. */
  private InfluenceCheckpoints checkpoints() {
    Path file = modelFile();
    if (InfluenceCheckpoints.BESIDE_MODEL.missing(file).isEmpty()) {
      return InfluenceCheckpoints.BESIDE_MODEL;
    }
    List<Checkpoint> inMemory = workspace.currentModelEntry().map(recorded).orElse(List.of());
    return inMemory.isEmpty() ? InfluenceCheckpoints.BESIDE_MODEL
        : new InfluenceCheckpoints.Recorded(inMemory);
  }

  private Path modelFile() {
    return workspace.currentModelEntry().map(WorkspaceEntry::source).orElse(null);
  }

  @Override
  public InfluenceResult explain(String datasetId, String exampleId, InfluenceMethod method,
      TracInProjection projection, int top, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    EditedDataset edited = workspace.editedDataset(datasetId);
    PreparedInfluence prepared = prepare(datasetId, edited, method, projection, progress, cancel);
    InfluenceExplanation e = prepared.explain(testPosition(edited, exampleId), null, top);
    List<String> classes = classNames(edited.dataset());
    InfluenceRanking r = e.ranking();
    return new InfluenceResult(method, exampleId, classes.get(e.explainedClass()),
        rows(r.proponents(), edited), rows(r.opponents(), edited), prepared.fidelity(),
        r.millis(), prepared.precomputeSeconds(), prepared.checkpoints(), prepared.cached(),
        prepared.projection());
  }

  @Override
  public MislabelSuspects suspects(String datasetId, InfluenceMethod method,
      TracInProjection projection, int top, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    EditedDataset edited = workspace.editedDataset(datasetId);
    PreparedInfluence prepared = prepare(datasetId, edited, method, projection, progress, cancel);
    return new MislabelSuspects(method, datasetId, rows(prepared.selfInfluence(top).top(), edited),
        classNames(edited.dataset()));
  }

  /**
   * The prepared index for the current model and dataset (exposed for tests that compare keys).
   */
  PreparedInfluence prepare(String datasetId, EditedDataset edited, InfluenceMethod method,
      TracInProjection projection, ProgressListener progress, CancellationToken cancel)
      throws IOException {
    progress.progress(0, 0, "Loading the model and dataset\u2026");
    workspace.requireFit(workspace.currentModel(), edited.dataset());
    return workflow.prepare(new InfluenceIndexRequest(workspace.currentModel(), modelFile(),
        edited.dataset(), datasetName(datasetId), method, RepresenterPoints.DEFAULT_LAMBDA,
        checkpoints(), projection), progress, cancel);
  }

  /**
   * The name that reproduces a dataset for the disk cache: a built-in by name and the workspace's
   * seed, an opened file by its content; none once edits apply (cached in memory only).
   */
  private InfluenceDatasetName datasetName(String datasetId) throws IOException {
    if (!workspace.journal(datasetId).edits().isEmpty()) {
      return null;
    }
    WorkspaceEntry dataset = workspace.entry(datasetId).orElseThrow();
    if (dataset.source() != null) {
      return InfluenceDatasetName.file(dataset.source());
    }
    return dataset.origin() == WorkspaceEntry.Origin.BUILT_IN
        ? InfluenceDatasetName.builtIn(dataset.name(), CoreWorkspace.DATASET_SEED) : null;
  }

  /** The position in the edited test split of a workspace id {@code test/N}. */
  private static int testPosition(EditedDataset data, String exampleId) {
    if (!exampleId.startsWith("test/")) {
      throw new IllegalArgumentException("influence explains test examples; \"" + exampleId
          + "\" is not one");
    }
    int original;
    try {
      original = Integer.parseInt(exampleId.substring("test/".length()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("example id \"" + exampleId + "\" has no index", e);
    }
    int[] origin = data.testOrigin();
    for (int i = 0; i < origin.length; i++) {
      if (origin[i] == original) {
        return i;
      }
    }
    throw new IllegalArgumentException("test example " + original + " is excluded by the "
        + "dataset's edits; undo the edit to explain it");
  }

  private static List<InfluentialExample> rows(List<InfluenceRanking.Score> scores,
      EditedDataset edited) {
    Dataset data = edited.dataset();
    List<String> classes = classNames(data);
    List<InfluentialExample> out = new ArrayList<>(scores.size());
    for (InfluenceRanking.Score s : scores) {
      int original = edited.trainOrigin()[s.trainIndex()];
      String id = "train/" + original;
      String label = classes.get(s.label());
      if (data instanceof TextDataset text) {
        out.add(new InfluentialExample(id, text.train().get(s.trainIndex()).text(), null, label,
            s.score()));
      } else if (data instanceof ImageDataset images) {
        SaliencyResult.ImageInput image = new SaliencyResult.ImageInput(images.height(),
            images.width(), images.channels(), images.train().pixels()[s.trainIndex()]);
        out.add(new InfluentialExample(id, images.name() + " train image #" + original, image,
            label, s.score()));
      }
    }
    return out;
  }

  private static List<String> classNames(Dataset data) {
    if (data instanceof TextDataset text) {
      return text.classNames();
    }
    if (data instanceof ImageDataset images) {
      return images.classNames();
    }
    throw new IllegalArgumentException(data.name() + " is tabular; influence needs text or images");
  }
}
