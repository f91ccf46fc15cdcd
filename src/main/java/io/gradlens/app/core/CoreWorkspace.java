package io.gradlens.app.core;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetLoader;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.edits.DatasetEditFile;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.EditJournal;
import io.gradlens.data.edits.EditedDataset;
import io.gradlens.data.edits.ExampleFingerprint;
import io.gradlens.data.edits.ExampleRef;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.Batch;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.DatasetExamples;
import io.gradlens.train.ExampleSet;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.ModelDetails;
import io.gradlens.workflow.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;

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

  /** Examples predicted per forward pass. */
  static final int PREDICTION_BATCH = 64;
  /** Seed of generated built-in datasets (decoys), as on the command line. */
  static final long DATASET_SEED = 0L;

  private final Map<String, DatasetSlot> datasets = new LinkedHashMap<>();
  private final Map<String, ModelSlot> models = new LinkedHashMap<>();
  private final Map<String, io.gradlens.app.service.SaliencyResult.ImageInput> imagesByCaption =
      new ConcurrentHashMap<>();
  private final Path editsDir;
  private volatile String currentModelId;
  private int trainedCount;

  private static final class DatasetSlot {
    final WorkspaceEntry entry;
    final String builtInName;
    final String kind;
    volatile Dataset loaded;
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

  private static final class ModelSlot {
    final WorkspaceEntry entry;
    volatile Classifier loaded;
    volatile PriceModel price;
    /** TracIn snapshots taken while a model trained in this session (saved with it on Save). */
    volatile List<CheckpointRecorder.Checkpoint> checkpoints = List.of();

    ModelSlot(WorkspaceEntry entry, Classifier loaded) {
      this.entry = entry;
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
    if (modelsDir != null && Files.isDirectory(modelsDir)) {
      try (Stream<Path> files = Files.list(modelsDir)) {
        files.filter(p -> p.getFileName().toString().endsWith(ModelBundle.EXTENSION)).sorted()
            .forEach(p -> {
              String name = p.getFileName().toString();
              name = name.substring(0, name.length() - ModelBundle.EXTENSION.length());
              WorkspaceEntry entry = new WorkspaceEntry("shipped:" + name, name,
                  WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.BUILT_IN, p);
              models.put(entry.id(), new ModelSlot(entry, null));
            });
      } catch (IOException e) {
        // An unreadable models folder only means no shipped models are listed.
      }
    }
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

  /** @return the shipped-models folder: {@code -Dgradlens.models}, else {@code assets/models} */
  public static Path defaultModelsDir() {
    return Path.of(System.getProperty("gradlens.models", "assets/models"));
  }

  /**
   * @return the folder for the edit lists of built-in datasets: {@code -Dgradlens.edits}, else
   *     {@code ~/.gradlens/edits}
   */
  public static Path defaultEditsDir() {
    String configured = System.getProperty("gradlens.edits");
    return configured != null ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".gradlens", "edits");
  }

  /** @return datasets, then models, in the order they became known */
  public synchronized List<WorkspaceEntry> entries() {
    List<WorkspaceEntry> all = new ArrayList<>();
    datasets.values().forEach(s -> all.add(s.entry));
    models.values().forEach(s -> all.add(s.entry));
    return all;
  }

  /** @return the entry with this id, if known */
  public synchronized Optional<WorkspaceEntry> entry(String id) {
    if (datasets.containsKey(id)) {
      return Optional.of(datasets.get(id).entry);
    }
    return Optional.ofNullable(models.get(id)).map(s -> s.entry);
  }

  /** Reads a dataset file (CSV/TSV/JSONL/…, image folder) and adds it. */
  public WorkspaceEntry openDataset(Path file) throws IOException {
    Dataset data = DatasetLoader.load(file);
    if (data instanceof TabularDataset) {
      throw new IllegalArgumentException(file.getFileName() + " is a tabular dataset; the workbench "
          + "explains text and image classifiers");
    }
    synchronized (this) {
      String id = "file:" + file.toAbsolutePath().normalize();
      WorkspaceEntry entry = new WorkspaceEntry(id, file.getFileName().toString(),
          WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.OPENED, file);
      datasets.put(id, new DatasetSlot(entry, null, data instanceof ImageDataset ? "image" : "text",
          data));
      return entry;
    }
  }

  /** Reads a {@code .gradlens} bundle, adds it and makes it current. */
  public WorkspaceEntry openModel(Path file) throws IOException {
    startNd4j();
    Classifier model;
    try {
      model = ModelBundle.read(file);
    } catch (IllegalArgumentException e) {
      if (isPriceBundle(file)) {
        addPriceModel(file);
        throw new ModelMismatchException(file.getFileName() + " is a price regression model "
            + "(inputs features and reference_price), not a classifier: it was added to the "
            + "workspace; explain it in the Sensitivity tab.");
      }
      throw e;
    }
    synchronized (this) {
      String id = "file:" + file.toAbsolutePath().normalize();
      WorkspaceEntry entry = new WorkspaceEntry(id, file.getFileName().toString(),
          WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.OPENED, file);
      models.put(id, new ModelSlot(entry, model));
      currentModelId = id;
      return entry;
    }
  }

  private static boolean isPriceBundle(Path file) {
    try {
      return "price".equals(ModelBundle.kind(file));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Lists a price model bundle (loaded when first explained); never the current model. */
  private void addPriceModel(Path file) {
    String id = "file:" + file.toAbsolutePath().normalize();
    WorkspaceEntry entry = new WorkspaceEntry(id, file.getFileName().toString(),
        WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.OPENED, file);
    synchronized (this) {
      models.put(id, new ModelSlot(entry, null));
    }
  }

  /** Adds a model trained in this session (not current until selected). */
  public synchronized WorkspaceEntry addTrained(Classifier model, String description) {
    return addTrained(model, List.of(), description);
  }

  /**
   * Adds a model trained in this session with the TracIn checkpoints taken while it trained (not
   * current until selected).
   */
  public synchronized WorkspaceEntry addTrained(Classifier model,
      List<CheckpointRecorder.Checkpoint> checkpoints, String description) {
    trainedCount++;
    String id = "trained:" + trainedCount;
    WorkspaceEntry entry = new WorkspaceEntry(id, "trained " + trainedCount + " (" + description
        + ")", WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.TRAINED, null);
    ModelSlot slot = new ModelSlot(entry, model);
    slot.checkpoints = List.copyOf(checkpoints);
    models.put(id, slot);
    return entry;
  }

  /**
   * The TracIn checkpoints of a model: those kept with a model trained in this session, else those
   * saved beside its file ({@link InfluenceCache#defaultCheckpoints}); empty when there are none.
   */
  public List<CheckpointRecorder.Checkpoint> checkpoints(String id) throws IOException {
    ModelSlot slot = modelSlot(id);
    if (!slot.checkpoints.isEmpty()) {
      return slot.checkpoints;
    }
    Path source = slot.entry.source();
    if (source != null && InfluenceCache.hasCheckpoints(InfluenceCache.defaultCheckpoints(source))) {
      return CheckpointRecorder.load(InfluenceCache.defaultCheckpoints(source));
    }
    return List.of();
  }

  /** Whether {@link #checkpoints(String)} would find any, without loading them. */
  public boolean hasCheckpoints(String id) {
    ModelSlot slot = modelSlot(id);
    Path source = slot.entry.source();
    return !slot.checkpoints.isEmpty() || source != null
        && InfluenceCache.hasCheckpoints(InfluenceCache.defaultCheckpoints(source));
  }

  /** The kind, inputs, classes and provenance of a model. */
  public ModelDetails details(String id) throws IOException {
    if (isPriceModel(id)) {
      return ModelDetails.read(modelSlot(id).entry.source());
    }
    return ModelDetails.of(model(id));
  }

  private synchronized ModelSlot modelSlot(String id) {
    ModelSlot slot = models.get(id);
    if (slot == null) {
      throw new IllegalArgumentException("Unknown model: " + id);
    }
    return slot;
  }

  /** Loads {@code model} if needed and makes it current. */
  public void selectModel(WorkspaceEntry model) throws IOException {
    model(model.id());
    currentModelId = model.id();
  }

  /** @return the current model's entry, if one is selected */
  public synchronized Optional<WorkspaceEntry> currentModelEntry() {
    String id = currentModelId;
    return id == null ? Optional.empty() : Optional.ofNullable(models.get(id)).map(s -> s.entry);
  }

  /**
   * @return the current model, loaded
   * @throws IllegalStateException when no model is selected
   */
  public Classifier currentModel() throws IOException {
    String id = currentModelId;
    if (id == null) {
      throw new IllegalStateException("No model loaded \u2014 open a model (File \u25b8 Open model\u2026) "
          + "or train one");
    }
    return model(id);
  }

  /** @return the model with this id, loading its bundle on first use */
  public Classifier model(String id) throws IOException {
    ModelSlot slot;
    synchronized (this) {
      slot = models.get(id);
    }
    if (slot == null) {
      throw new IllegalArgumentException("Unknown model: " + id);
    }
    Classifier m = slot.loaded;
    if (m == null) {
      startNd4j();
      synchronized (slot) {
        m = slot.loaded;
        if (m == null) {
          if (isPriceModel(slot)) {
            throw new ModelMismatchException("\u201c" + slot.entry.name() + "\u201d is a price "
                + "regression model (inputs features and reference_price), not a classifier: "
                + "explain it in the Sensitivity tab.");
          }
          m = ModelBundle.read(slot.entry.source());
          slot.loaded = m;
        }
      }
    }
    return m;
  }

  /** @return true when the model with this id is a price regression model (bundle kind price) */
  public boolean isPriceModel(String id) throws IOException {
    ModelSlot slot;
    synchronized (this) {
      slot = models.get(id);
    }
    return slot != null && isPriceModel(slot);
  }

  private static boolean isPriceModel(ModelSlot slot) throws IOException {
    return slot.price != null || slot.loaded == null && slot.entry.source() != null
        && "price".equals(ModelBundle.kind(slot.entry.source()));
  }

  /**
   * @return the price regression model with this id, loading its bundle on first use
   * @throws IllegalArgumentException when the id names no price model
   */
  public PriceModel priceModel(String id) throws IOException {
    ModelSlot slot;
    synchronized (this) {
      slot = models.get(id);
    }
    if (slot == null || !isPriceModel(slot)) {
      throw new IllegalArgumentException("Not a price model: " + id);
    }
    startNd4j();
    synchronized (slot) {
      if (slot.price == null) {
        slot.price = ModelBundle.readPriceModel(slot.entry.source());
      }
      return slot.price;
    }
  }

  /** @return the first shipped price model, the Sensitivity tab's example */
  public Optional<WorkspaceEntry> firstPriceModel() throws IOException {
    for (WorkspaceEntry e : entries()) {
      if (e.kind() == WorkspaceEntry.Kind.MODEL && e.origin() == WorkspaceEntry.Origin.BUILT_IN
          && isPriceModel(e.id())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
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
    Classifier m = model(model.id());
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

  /** @return the pixels of an image example by its caption, if it was listed */
  public Optional<float[]> imageByCaption(String caption) {
    return imageInputByCaption(caption).map(io.gradlens.app.service.SaliencyResult.ImageInput::pixels);
  }

  /** @return an image example's pixels with their shape, by its caption, if it was listed */
  public Optional<io.gradlens.app.service.SaliencyResult.ImageInput> imageInputByCaption(
      String caption) {
    return Optional.ofNullable(imagesByCaption.get(caption));
  }

  /**
   * The test split of a dataset as examples, with the current model's predictions computed in
   * batches of {@value #PREDICTION_BATCH}.
   *
   * @throws IllegalArgumentException when the current model does not fit the dataset
   */
  public List<Example> examples(WorkspaceEntry entry, ProgressListener progress,
      CancellationToken cancel) throws IOException {
    progress.progress(0, 0, "Loading " + entry.name() + "\u2026");
    EditedDataset edited = editedDataset(entry.id());
    Dataset data = edited.dataset();
    cancel.throwIfCancelled();
    startNd4j();
    Classifier model = currentModelId == null ? null : currentModel();
    if (data instanceof TextDataset text) {
      return textExamples(entry, text, edited.testOrigin(), model, progress, cancel);
    }
    if (data instanceof ImageDataset images) {
      return imageExamples(entry, images, edited.testOrigin(), model, progress, cancel);
    }
    throw new IllegalArgumentException(entry.name() + " is tabular; the workbench shows text and "
        + "image datasets");
  }

  private List<Example> textExamples(WorkspaceEntry entry, TextDataset data, int[] origin,
      Classifier model,
      ProgressListener progress, CancellationToken cancel) {
    List<TextExample> test = data.test();
    String[] predicted = new String[test.size()];
    double[] confidence = new double[test.size()];
    Arrays.fill(confidence, Double.NaN);
    if (model != null) {
      checkFits(model, entry, data.classNames(), "text");
      List<TextExample> nonEmpty = new ArrayList<>();
      List<Integer> where = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        if (!test.get(i).tokens().isEmpty()) {
          nonEmpty.add(test.get(i));
          where.add(i);
        }
      }
      ExampleSet set = DatasetExamples.text(nonEmpty, model.tokens().vocabulary(), 0, false);
      predict(model, set, data.classNames(), predicted, confidence,
          where.stream().mapToInt(Integer::intValue).toArray(), progress, cancel);
    }
    List<Example> out = new ArrayList<>(test.size());
    for (int i = 0; i < test.size(); i++) {
      TextExample e = test.get(i);
      out.add(new Example("test/" + origin[i], e.text(), data.classNames().get(e.label()), predicted[i],
          confidence[i]));
    }
    return out;
  }

  private List<Example> imageExamples(WorkspaceEntry entry, ImageDataset data, int[] origin,
      Classifier model,
      ProgressListener progress, CancellationToken cancel) {
    int n = data.test().size();
    String[] predicted = new String[n];
    double[] confidence = new double[n];
    Arrays.fill(confidence, Double.NaN);
    if (model != null) {
      checkFits(model, entry, data.classNames(), "image");
      InputSpec.Image spec = (InputSpec.Image) model.input();
      if (spec.height() != data.height() || spec.width() != data.width()
          || spec.channels() != data.channels()) {
        throw new IllegalArgumentException("The model reads " + model.describeInput() + " but "
            + entry.name() + " has images " + data.height() + "x" + data.width() + "x"
            + data.channels());
      }
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      predict(model, DatasetExamples.images(data, data.test(), false), data.classNames(),
          predicted, confidence, all, progress, cancel);
    }
    List<Example> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String caption = entry.name() + " test image #" + origin[i];
      imagesByCaption.put(caption, new io.gradlens.app.service.SaliencyResult.ImageInput(
          data.height(), data.width(), data.channels(), data.test().pixels()[i]));
      out.add(new Example("test/" + origin[i], caption, data.classNames().get(data.test().labels()[i]),
          predicted[i], confidence[i]));
    }
    return out;
  }

  private static void checkFits(Classifier model, WorkspaceEntry entry, List<String> classes,
      String kind) {
    boolean text = model.isText();
    if (text != "text".equals(kind)) {
      throw new ModelMismatchException("The current model reads " + model.describeInput()
          + ", but dataset \u201c" + entry.name() + "\u201d holds " + kind
          + (kind.equals("text") ? "s" : "s") + ". Select a " + kind + " model or another dataset.");
    }
    if (model.numClasses() != classes.size()) {
      throw new ModelMismatchException("The current model has " + model.numClasses()
          + " classes " + model.classNames() + ", but dataset \u201c" + entry.name() + "\u201d has "
          + classes.size() + " " + classes + ".");
    }
  }

  private static void predict(Classifier model, ExampleSet set, List<String> classes,
      String[] predicted, double[] confidence, int[] where, ProgressListener progress,
      CancellationToken cancel) {
    int n = set.size();
    for (int from = 0; from < n; from += PREDICTION_BATCH) {
      cancel.throwIfCancelled();
      int to = Math.min(n, from + PREDICTION_BATCH);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      Batch batch = set.batch(idx);
      INDArray p = model.probabilities(batch.input());
      for (int r = 0; r < idx.length; r++) {
        int best = 0;
        double bestP = -1;
        for (int c = 0; c < classes.size(); c++) {
          double v = p.getDouble(r, c);
          if (v > bestP) {
            bestP = v;
            best = c;
          }
        }
        predicted[where[from + r]] = classes.get(best);
        confidence[where[from + r]] = bestP;
      }
      progress.progress(to, n, String.format(Locale.ROOT, "Predicting %d/%d", to, n));
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
    TrainingResult.saveCheckpoints(modelSlot(id).checkpoints, file);
  }
}
