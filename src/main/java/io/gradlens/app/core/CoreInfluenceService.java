package io.gradlens.app.core;

import io.gradlens.app.service.InfluenceMethod;
import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.InfluentialExample;
import io.gradlens.app.service.MislabelSuspects;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.EditedDataset;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceIndex;
import io.gradlens.explain.influence.InfluenceRanking;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link InfluenceService} on {@code io.gradlens.explain.influence}, building its inputs as the
 * {@code influence} command does ({@link InfluenceData#of}, {@link InfluenceIndex}, the paper's
 * λ = {@value RepresenterPoints#DEFAULT_LAMBDA}), so both give the same scores. An index is kept in
 * memory per model, dataset edits and method; for a model file and an unedited built-in dataset it
 * is also cached on disk under the command line's key ({@link InfluenceCache}), so the two reuse
 * each other's precomputation.
 */
public final class CoreInfluenceService implements InfluenceService {

  private static final Logger LOG = Logger.getLogger(CoreInfluenceService.class.getName());
  /** Indexes kept in memory (each holds the training features, a few MB at most). */
  private static final int MEMORY_SLOTS = 4;

  private final CoreWorkspace workspace;
  private final Path cacheRoot;
  private final Map<MemoryKey, Prepared> memory = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<MemoryKey, Prepared> eldest) {
      return size() > MEMORY_SLOTS;
    }
  };

  /** What one index was computed for; the model by identity. */
  private record MemoryKey(Classifier model, String datasetId, DatasetEdits edits,
      InfluenceMethod method) {
  }

  /**
   * An index with its fidelity figure, computed once (it reconstructs every test logit, some
   * milliseconds, too much to repeat per query); NaN for TracIn.
   */
  private record Prepared(InfluenceIndex index, double fidelity) {
    static Prepared of(InfluenceIndex index) {
      RepresenterPoints.Fidelity f = index.testFidelity();
      return new Prepared(index, f == null ? Double.NaN : f.pearson());
    }
  }

  /** A prepared index, the dataset it was computed on, and whether it was reused. */
  private record Lookup(Prepared prepared, EditedDataset data, boolean cached) {
    InfluenceIndex index() {
      return prepared.index();
    }
  }

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
    this.workspace = workspace;
    this.cacheRoot = cacheRoot;
  }

  @Override
  public Optional<String> unavailable(InfluenceMethod method) {
    if (method != InfluenceMethod.TRACIN) {
      return Optional.empty();
    }
    Optional<WorkspaceEntry> current = workspace.currentModelEntry();
    if (current.isPresent() && workspace.hasCheckpoints(current.get().id())) {
      return Optional.empty();
    }
    Optional<Path> source = current.map(WorkspaceEntry::source);
    String where = source.map(p -> checkpoints(p).toString()).orElse("<model>.gradlens.checkpoints");
    return Optional.of("TracIn needs the checkpoints saved while the model trained, and this model "
        + "has none (" + where + "/" + InfluenceCache.CHECKPOINT_INDEX + "). Train it with "
        + "\"bin/gradlens train \u2026 --checkpoint-every 1 --out M.gradlens\", which saves them "
        + "beside the model, and open that model; or use representer points, which need only the "
        + "final model.");
  }

  private static Path checkpoints(Path model) {
    return InfluenceCache.defaultCheckpoints(model);
  }

  @Override
  public InfluenceResult explain(String datasetId, String exampleId, InfluenceMethod method,
      int top, ProgressListener progress, CancellationToken cancel) throws Exception {
    Lookup found = index(datasetId, method, progress, cancel);
    InfluenceIndex index = found.index();
    int position = testPosition(found.data(), exampleId);
    long t0 = System.nanoTime();
    int explained = index.predicted(position);
    InfluenceRanking ranking = index.explain(position, explained, top);
    double millis = (System.nanoTime() - t0) / 1e6;
    Dataset data = found.data().dataset();
    List<String> classes = classNames(data);
    return new InfluenceResult(method, exampleId, classes.get(explained),
        rows(ranking.proponents(), found.data()), rows(ranking.opponents(), found.data()),
        found.prepared().fidelity(), millis, index.precomputeSeconds(), found.cached());
  }

  @Override
  public MislabelSuspects suspects(String datasetId, InfluenceMethod method, int top,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    Lookup found = index(datasetId, method, progress, cancel);
    var ranking = found.index().selfInfluence(top);
    return new MislabelSuspects(method, datasetId, rows(ranking.top(), found.data()),
        classNames(found.data().dataset()));
  }

  /** The index for the current model, the dataset with its current edits and the method. */
  private Lookup index(String datasetId, InfluenceMethod method, ProgressListener progress,
      CancellationToken cancel) throws IOException {
    unavailable(method).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    progress.progress(0, 0, "Loading the model and dataset\u2026");
    Classifier model = workspace.currentModel();
    EditedDataset edited = workspace.editedDataset(datasetId);
    DatasetEdits edits = workspace.journal(datasetId).edits();
    MemoryKey key = new MemoryKey(model, datasetId, edits, method);
    synchronized (memory) {
      Prepared known = memory.get(key);
      if (known != null) {
        return new Lookup(known, edited, true);
      }
    }
    InfluenceData data = InfluenceData.of(model, edited.dataset());
    cancel.throwIfCancelled();
    Path modelFile = workspace.currentModelEntry().map(WorkspaceEntry::source).orElse(null);
    Path diskDir = diskCache(datasetId, edits, method, modelFile);
    InfluenceIndex index = diskDir == null ? null : InfluenceIndex.load(diskDir, method.id());
    boolean cached = index != null;
    if (index == null) {
      progress.progress(0, 0, String.format(java.util.Locale.ROOT,
          "Precomputing %s over %,d training examples\u2026", method.displayName(),
          data.train().size()));
      index = method == InfluenceMethod.REPRESENTER
          ? InfluenceIndex.representer(model.network(), data.train(), data.test(),
              RepresenterPoints.DEFAULT_LAMBDA, progress, cancel)
          : InfluenceIndex.tracin(model.network(), workspace.checkpoints(workspace.currentModelEntry().orElseThrow().id()),
              data.train(), data.test());
      cancel.throwIfCancelled();
      save(index, diskDir);
    }
    Prepared prepared = Prepared.of(index);
    synchronized (memory) {
      memory.put(key, prepared);
    }
    return new Lookup(prepared, edited, cached);
  }

  /**
   * The disk-cache folder of a precomputation, or {@code null} when it is kept in memory only: a
   * model trained in this session has no file, and an opened or edited dataset has no name the
   * command line could give it.
   */
  private Path diskCache(String datasetId, DatasetEdits edits, InfluenceMethod method,
      Path modelFile) throws IOException {
    WorkspaceEntry dataset = workspace.entry(datasetId).orElseThrow();
    if (modelFile == null || !edits.isEmpty() || dataset.source() != null
        || dataset.origin() != WorkspaceEntry.Origin.BUILT_IN) {
      return null;
    }
    byte[] checkpointDigest = method == InfluenceMethod.TRACIN
        ? InfluenceCache.digestFolder(checkpoints(modelFile)) : new byte[0];
    String key = InfluenceCache.key(Files.readAllBytes(modelFile), dataset.name(),
        CoreWorkspace.DATASET_SEED, method.id(), RepresenterPoints.DEFAULT_LAMBDA,
        checkpointDigest);
    return (cacheRoot != null ? cacheRoot : InfluenceCache.defaultRoot(modelFile)).resolve(key);
  }

  private static void save(InfluenceIndex index, Path dir) {
    if (dir == null) {
      return;
    }
    try {
      index.save(dir);
    } catch (IOException e) {
      // A read-only model folder only costs the precomputation next time.
      LOG.log(Level.WARNING, "Could not cache the influence index in " + dir, e);
    }
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
