package io.gradlens.app.core;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.IncompatiblePairingException;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.edits.DatasetEditFile;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImport;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.EditJournal;
import io.gradlens.data.edits.EditedDataset;
import io.gradlens.data.edits.ExampleFingerprint;
import io.gradlens.data.edits.ExampleRef;
import io.gradlens.data.edits.Split;
import io.gradlens.data.imports.DatasetReadOptions;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.install.AppDirectories;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Model;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.ModelDetails;
import io.gradlens.workflow.training.DatasetSource;
import io.gradlens.workflow.training.TrainingData;
import io.gradlens.workflow.explain.FitReport;
import io.gradlens.workflow.explain.ModelDatasetFit;
import io.gradlens.workflow.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workbench's state on top of the core: the datasets and models it knows (built-in, shipped,
 * opened, trained), which are loaded lazily and cached, and the current model. Thread-safe: the
 * services call it from worker threads.
 *
 * <p>The analysis tabs show a dataset's test split. Images have no text, so each image example
 * gets a unique caption ({@code "mnist test #17"}) under which its pixels can be found again.
 *
 * <p>Every dataset has an edit list ({@link EditJournal}: relabel, exclude, masks) kept beside its
 * file, or for built-in datasets in the edits folder; {@link #dataset(String)} returns the dataset
 * with its edits applied, and example ids ({@code test/17}, {@code train/3}) always name positions in
 * the unedited dataset so that they stay valid when edits change.
 */
public final class CoreWorkspace {

  /** Seed of generated built-in datasets (decoys), as on the command line. */
  static final long DATASET_SEED = 0L;

  private final Map<String, DatasetSlot> datasets = new LinkedHashMap<>();
  private final ModelRegistry models;
  private final WorkspaceExamples examples = new WorkspaceExamples();
  private final Path editsDir;
  private final PairingFits fits = new PairingFits();
  private volatile String shownDatasetId;

  private static final class DatasetSlot {
    final WorkspaceEntry entry;
    final String builtInName;
    final String kind;
    volatile Dataset loaded;
    /** How an opened file was read (its provenance for training), or null for a built-in set. */
    DatasetSource source;
    EditJournal journal;
    EditedDataset edited;
    DatasetEdits appliedEdits;

    DatasetSlot(WorkspaceEntry entry, String builtInName, String kind, Dataset loaded) {
      this.entry = entry;
      this.builtInName = builtInName;
      this.kind = kind;
      this.loaded = loaded;
    }
  }

  /**
   * A workspace listing the built-in text and image datasets and the {@code .gradlens} bundles in
   * {@code modelsDir} (when it exists).
   *
   * @param modelsDir folder of shipped models, or {@code null}
   */
  public CoreWorkspace(Path modelsDir) {
    this(modelsDir, defaultEditsDir());
  }

  /**
   * @param modelsDir folder of shipped models, or {@code null}
   * @param editsDir  folder for the edit lists of built-in datasets (created on the first edit)
   */
  public CoreWorkspace(Path modelsDir, Path editsDir) {
    this.editsDir = java.util.Objects.requireNonNull(editsDir, "editsDir");
    for (BuiltInDatasets.Entry e : BuiltInDatasets.list()) {
      if (("text".equals(e.kind()) || "image".equals(e.kind())) && !"fashion-mnist".equals(e.name())) {
        WorkspaceEntry entry = new WorkspaceEntry("builtin:" + e.name(), e.name(),
            WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.BUILT_IN, null);
        datasets.put(entry.id(), new DatasetSlot(entry, e.name(), e.kind(), null));
      }
    }
    this.models = new ModelRegistry(modelsDir);
  }

  private static final Object ND4J_START = new Object();
  private static volatile boolean nd4jStarted;

  /**
   * Starts ND4J once, on one thread, before any core computation: the backend loads its native
   * libraries on first use, and two worker threads doing that at the same time (a model load
   * racing a prediction) can corrupt native memory.
   */
  public static void startNd4j() {
    if (nd4jStarted) {
      return;
    }
    synchronized (ND4J_START) {
      if (!nd4jStarted) {
        org.nd4j.linalg.factory.Nd4j.create(new float[] {1f, 2f}).sumNumber();
        nd4jStarted = true;
      }
    }
  }

  /** @return the shipped-models folder ({@link AppDirectories#models()}) */
  public static Path defaultModelsDir() {
    return AppDirectories.current().models();
  }

  /** @return the folder for the edit lists of built-in datasets ({@link AppDirectories#edits()}) */
  public static Path defaultEditsDir() {
    return AppDirectories.current().edits();
  }

  /** @return datasets, then models, in the order they became known */
  public synchronized List<WorkspaceEntry> entries() {
    List<WorkspaceEntry> all = new ArrayList<>();
    datasets.values().forEach(s -> all.add(s.entry));
    all.addAll(models.entries());
    return all;
  }

  /** @return the entry with this id, if known */
  public synchronized Optional<WorkspaceEntry> entry(String id) {
    if (datasets.containsKey(id)) {
      return Optional.of(datasets.get(id).entry);
    }
    return models.entry(id);
  }

  /** Reads a dataset file (CSV/TSV/JSONL/…, image folder) with the default reading options and adds it. */
  public WorkspaceEntry openDataset(Path file) throws IOException {
    return openDataset(file, DatasetReadOptions.defaults());
  }

  /**
   * Reads a dataset file with {@code options} (columns, classes, tokenizer, image size) through
   * the loading path the command line uses ({@link TrainingData#ofFile}) and adds it.
   */
  public WorkspaceEntry openDataset(Path file, DatasetReadOptions options) throws IOException {
    TrainingData read = TrainingData.ofFile(file, options, 0L);
    Dataset data = read.dataset();
    if (data instanceof TabularDataset) {
      throw new IllegalArgumentException(file.getFileName() + " is a tabular dataset; the workbench "
          + "explains text and image classifiers");
    }
    return addOpened(file, data instanceof ImageDataset ? "image" : "text", read);
  }

  /**
   * Imports a labelled text file with the import dialog's settings, the way {@code bin/gradlens}
   * reads it ({@link TrainingData#ofFile} with {@link DatasetReadOptions#of}, which calls
   * {@link TextImport#load}; directly {@link TextImport#load} when the dialog chose another format
   * than the file's extension names), and adds it; an earlier import of the same file is replaced.
   *
   * @throws io.gradlens.data.DatasetFormatException naming the file, line and column of bad content
   */
  public WorkspaceEntry importDataset(TextImportSettings settings) throws IOException {
    return importDataset(settings, CancellationToken.NONE);
  }

  /**
   * {@link #importDataset(TextImportSettings)}, adding nothing when {@code cancel} was cancelled
   * while the file was read (the dialog was closed).
   */
  public WorkspaceEntry importDataset(TextImportSettings settings, CancellationToken cancel)
      throws IOException {
    Path file = settings.file();
    TrainingData read = settings.format() == TableFormat.ofPath(file)
        ? TrainingData.ofFile(file, DatasetReadOptions.of(settings), settings.seed())
        : new TrainingData(TextImport.load(settings), DatasetSource.file(file));
    if (!(read.dataset() instanceof TextDataset)) {
      throw new IllegalArgumentException(file.getFileName() + " has no text column \""
          + settings.columns().text() + "\"");
    }
    cancel.throwIfCancelled();
    return addOpened(file, "text", read);
  }

  private synchronized WorkspaceEntry addOpened(Path file, String kind, TrainingData read) {
    String id = "file:" + file.toAbsolutePath().normalize();
    WorkspaceEntry entry = new WorkspaceEntry(id, file.getFileName().toString(),
        WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.OPENED, file);
    DatasetSlot slot = new DatasetSlot(entry, null, kind, read.dataset());
    slot.source = read.source();
    datasets.put(id, slot);
    return entry;
  }

  /**
   * @return how the opened dataset file {@code id} was read (file, class order, chosen options),
   *     or empty for a built-in dataset
   */
  public synchronized Optional<DatasetSource> datasetSource(String id) {
    DatasetSlot slot = datasets.get(id);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.source);
  }

  /** @return the models: shipped, opened and trained, and the current one */
  public ModelRegistry models() {
    return models;
  }

  /**
   * Opens a model file of any format ({@link ModelRegistry#open}); a classifier becomes current.
   *
   * @throws ModelMismatchException when the file holds a model of another kind (it is listed)
   */
  public WorkspaceEntry openModel(Path file) throws IOException {
    return models.open(file, ProgressListener.NONE, CancellationToken.NONE);
  }

  /** Adds a model trained in this session (not current until selected). */
  public WorkspaceEntry addTrained(Classifier model, String description) {
    return addTrained(model, List.of(), description);
  }

  /**
   * Adds a model trained in this session with the TracIn checkpoints taken while it trained (not
   * current until selected).
   */
  public WorkspaceEntry addTrained(Classifier model,
      List<CheckpointRecorder.Checkpoint> checkpoints, String description) {
    return models.addTrained(model, checkpoints, description);
  }

  /**
   * The TracIn checkpoints of a model: those kept with a model trained in this session, else those
   * saved beside its file ({@link InfluenceCache#defaultCheckpoints}); empty when there are none.
   */
  public List<CheckpointRecorder.Checkpoint> checkpoints(String id) throws IOException {
    List<CheckpointRecorder.Checkpoint> recorded = models.recordedCheckpoints(id);
    if (!recorded.isEmpty()) {
      return recorded;
    }
    Path source = modelSource(id);
    if (source != null && InfluenceCache.hasCheckpoints(InfluenceCache.defaultCheckpoints(source))) {
      return CheckpointRecorder.load(InfluenceCache.defaultCheckpoints(source));
    }
    return List.of();
  }

  /** The checkpoints recorded in memory while the model {@code id} trained in this session, or none. */
  public List<CheckpointRecorder.Checkpoint> recordedCheckpoints(String id) {
    return models.recordedCheckpoints(id);
  }

  /** Whether {@link #checkpoints(String)} would find any, without loading them. */
  public boolean hasCheckpoints(String id) {
    Path source = modelSource(id);
    return !models.recordedCheckpoints(id).isEmpty() || source != null
        && InfluenceCache.hasCheckpoints(InfluenceCache.defaultCheckpoints(source));
  }

  /** The kind, inputs, classes and provenance of a model. */
  public ModelDetails details(String id) throws IOException {
    return ModelDetails.of(anyModel(id));
  }

  private Path modelSource(String id) {
    return models.entry(id).orElseThrow(() -> new IllegalArgumentException("Unknown model: " + id))
        .source();
  }

  /** Loads {@code model} if needed and makes it current. */
  public void selectModel(WorkspaceEntry model) throws IOException {
    models.select(model);
  }

  /** @return the current model's entry, if one is selected */
  public Optional<WorkspaceEntry> currentModelEntry() {
    return models.currentEntry();
  }

  /**
   * @return the current model, loaded
   * @throws IllegalStateException when no model is selected
   */
  public Classifier currentModel() throws IOException {
    return models.currentClassifier();
  }

  /**
   * @return the classifier with this id, loading its file on first use
   * @throws ModelMismatchException when the id names a model of another kind
   */
  public Classifier model(String id) throws IOException {
    return models.classifier(id);
  }

  /** @return the model with this id, of any kind, loading its file on first use */
  public Model anyModel(String id) throws IOException {
    return models.model(id);
  }

  /** @return a built-in dataset by name (tabular ones included), loaded on each call */
  public static Dataset builtInDataset(String name) throws IOException {
    return BuiltInDatasets.load(name, DATASET_SEED);
  }

  /** @return the dataset with this id and its edits applied, loading it on first use */
  public Dataset dataset(String id) throws IOException {
    return editedDataset(id).dataset();
  }

  /**
   * @return the dataset with this id and its current edits applied, with the original position of
   *     every example kept
   * @throws io.gradlens.data.edits.DatasetEditException when the edit list does not fit the dataset
   */
  public EditedDataset editedDataset(String id) throws IOException {
    DatasetSlot slot = slot(id);
    Dataset raw = rawDataset(id);
    EditJournal journal = journal(id);
    synchronized (slot) {
      DatasetEdits edits = journal.edits();
      if (slot.edited == null || !edits.equals(slot.appliedEdits)) {
        slot.edited = edits.apply(raw);
        slot.appliedEdits = edits;
      }
      return slot.edited;
    }
  }

  /**
   * @return the edit list of the dataset with this id, opened from its file on first use
   * @throws io.gradlens.data.DatasetFormatException when the edit file is damaged
   */
  public EditJournal journal(String id) throws IOException {
    DatasetSlot slot = slot(id);
    synchronized (slot) {
      if (slot.journal == null) {
        slot.journal = EditJournal.open(slot.entry.source() != null
            ? DatasetEditFile.besideDataset(slot.entry.source())
            : DatasetEditFile.forBuiltIn(editsDir, slot.builtInName));
      }
      return slot.journal;
    }
  }

  /**
   * A reference, with fingerprint, to the example with workspace id {@code exampleId}
   * ({@code test/17}, {@code train/3}: positions in the unedited dataset).
   *
   * @throws IllegalArgumentException when the id is malformed or out of range
   */
  public ExampleRef reference(String datasetId, String exampleId) throws IOException {
    int slash = exampleId.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("example id \"" + exampleId + "\" is not split/index");
    }
    Split split = Split.parse(exampleId.substring(0, slash));
    int index;
    try {
      index = Integer.parseInt(exampleId.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("example id \"" + exampleId + "\" has no index", e);
    }
    Dataset raw = rawDataset(datasetId);
    int size = split == Split.TRAIN ? raw.trainSize() : raw.testSize();
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("example " + exampleId + " is outside the " + size
          + " examples of the split");
    }
    long fingerprint;
    if (raw instanceof TextDataset text) {
      fingerprint = ExampleFingerprint.of((split == Split.TRAIN ? text.train() : text.test()).get(index));
    } else if (raw instanceof ImageDataset images) {
      fingerprint = ExampleFingerprint.of((split == Split.TRAIN ? images.train() : images.test())
          .pixels()[index]);
    } else {
      throw new IllegalArgumentException(raw.name() + " is tabular and has no editable examples");
    }
    return new ExampleRef(split, index, fingerprint);
  }

  private synchronized DatasetSlot slot(String id) {
    DatasetSlot slot = datasets.get(id);
    if (slot == null) {
      throw new IllegalArgumentException("Unknown dataset: " + id);
    }
    return slot;
  }

  /** @return the dataset with this id as its file holds it, without edits */
  public Dataset rawDataset(String id) throws IOException {
    DatasetSlot slot = slot(id);
    Dataset d = slot.loaded;
    if (d == null) {
      synchronized (slot) {
        d = slot.loaded;
        if (d == null) {
          d = BuiltInDatasets.load(slot.builtInName, DATASET_SEED);
          slot.loaded = d;
        }
      }
    }
    return d;
  }

  /** @return "text" or "image" for a dataset id, without loading it */
  synchronized String datasetKind(String id) {
    DatasetSlot slot = datasets.get(id);
    return slot == null ? null : slot.kind;
  }

  /**
   * A dataset for {@code model} when {@code current} does not fit it: the built-in dataset the
   * model was trained on (from its provenance), if it is known.
   */
  public Optional<WorkspaceEntry> datasetFor(WorkspaceEntry model, WorkspaceEntry current)
      throws IOException {
    Model any = anyModel(model.id());
    if (!(any instanceof Classifier m)) {
      return Optional.empty();
    }
    String kind = m.isText() ? "text" : m.input() instanceof InputSpec.Image ? "image" : "other";
    if (current != null && kind.equals(datasetKind(current.id()))) {
      return Optional.empty();
    }
    Object trainedOn = m.provenance().get("dataset");
    String id = "builtin:" + trainedOn;
    synchronized (this) {
      if (trainedOn != null && datasets.containsKey(id)) {
        return Optional.of(datasets.get(id).entry);
      }
    }
    return Optional.empty();
  }

  /**
   * The dataset to explain a model on as a whole (sensitivity): for a classifier {@code current}
   * when it fits, else the dataset it was trained on ({@link #datasetFor}); for a model of another
   * kind the built-in dataset its provenance names (tabular ones included).
   *
   * @throws IllegalArgumentException when no dataset is chosen or known
   */
  public Dataset explainedDataset(WorkspaceEntry model, WorkspaceEntry current) throws IOException {
    if (anyModel(model.id()) instanceof Classifier) {
      WorkspaceEntry chosen = datasetFor(model, current).orElse(current);
      if (chosen == null) {
        throw new IllegalArgumentException("Select a dataset for " + model.name());
      }
      return dataset(chosen.id());
    }
    Object trainedOn = anyModel(model.id()).provenance().get("dataset");
    if (trainedOn == null) {
      throw new IllegalArgumentException(model.name() + " does not name the dataset it was trained "
          + "on (provenance \"dataset\"), so there are no rows to explain it on");
    }
    return builtInDataset(String.valueOf(trainedOn));
  }

  /** @return the pixels of an image example by its caption, if it was listed */
  public Optional<float[]> imageByCaption(String caption) {
    return imageInputByCaption(caption).map(io.gradlens.app.service.SaliencyResult.ImageInput::pixels);
  }

  /** @return an image example's pixels with their shape, by its caption, if it was listed */
  public Optional<io.gradlens.app.service.SaliencyResult.ImageInput> imageInputByCaption(
      String caption) {
    return examples.byCaption(caption).flatMap(examples::image);
  }

  /**
   * The test split of a dataset as examples, with the current model's predictions (see
   * {@link WorkspaceExamples}) when it fits the dataset ({@link #fit}), else without predictions.
   * The dataset becomes the one the guarded services check against
   * ({@link #requireFitWithShownDataset}).
   */
  public List<Example> examples(WorkspaceEntry entry, ProgressListener progress,
      CancellationToken cancel) throws IOException {
    progress.progress(0, 0, "Loading " + entry.name() + "\u2026");
    EditedDataset edited = editedDataset(entry.id());
    cancel.throwIfCancelled();
    shownDatasetId = entry.id();
    startNd4j();
    Classifier model = currentModelEntry().isEmpty() ? null : currentModel();
    if (model != null && !fits.of(model, edited.dataset()).compatible()) {
      model = null; // rows without predictions: the banner says why
    }
    return examples.testExamples(entry.name(), edited, model, progress, cancel);
  }

  /**
   * Whether the model {@code modelId} was made for the dataset {@code datasetId}
   * ({@link ModelDatasetFit#fit}, cached per model and dataset); a model that is no classifier
   * fits no text or image dataset.
   */
  public FitReport fit(String datasetId, String modelId) throws IOException {
    Model any = anyModel(modelId);
    String name = models.entry(modelId).map(WorkspaceEntry::name).orElse(modelId);
    if (!(any instanceof Classifier model)) {
      return new FitReport(List.of("\u201c" + name + "\u201d is not a classifier; it is explained in "
          + "the Sensitivity tab"), List.of());
    }
    return fits.of(model, dataset(datasetId));
  }

  /**
   * The one guard of the core services: refuses to compute with {@code model} on {@code data}
   * when they do not fit.
   *
   * @throws IncompatiblePairingException with the fit's reasons
   */
  public void requireFit(Classifier model, Dataset data) {
    FitReport report = fits.of(model, data);
    if (!report.compatible()) {
      throw new IncompatiblePairingException(report.reasonLine());
    }
  }

  /**
   * {@link #requireFit} for {@code model} and the dataset whose examples the workbench lists
   * ({@link #examples}, the Data tab's); nothing is checked before one is listed.
   */
  public void requireFitWithShownDataset(Classifier model) throws IOException {
    String shown = shownDatasetId;
    if (shown != null) {
      requireFit(model, dataset(shown));
    }
  }

  /**
   * Writes a model as a {@code .gradlens} bundle, and the checkpoints it trained with beside it
   * where TracIn finds them.
   */
  public void saveModel(WorkspaceEntry entry, Path file) throws IOException {
    ModelBundle.write(model(entry.id()), file);
    saveCheckpoints(entry.id(), file);
  }

  /**
   * Writes the checkpoints kept with a model trained in this session beside its bundle
   * {@code file} ({@link InfluenceCache#defaultCheckpoints}); nothing for other models.
   */
  public void saveCheckpoints(String id, Path file) throws IOException {
    TrainingResult.saveCheckpoints(models.recordedCheckpoints(id), file);
  }
}
