package io.gradlens.app.core;

import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.io.ModelBundle;
import io.gradlens.io.ModelFiles;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Model;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.models.ModelOpening;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The models the workbench knows: shipped bundles (loaded on first use), files opened by the user
 * (any format {@link ModelOpening} reads) and models trained in this session, with the one
 * selected as current. Models of every kind are kept as {@link Model}; the tabs that need a
 * classifier ask for one with {@link #classifier}. Thread-safe: the services call it from worker
 * threads.
 */
public final class ModelRegistry {

  private final Map<String, Slot> models = new LinkedHashMap<>();
  private volatile String currentId;
  private int trainedCount;

  private static final class Slot {
    final WorkspaceEntry entry;
    volatile Model loaded;
    /** TracIn snapshots taken while a model trained in this session (saved with it on Save). */
    volatile List<Checkpoint> checkpoints = List.of();

    Slot(WorkspaceEntry entry, Model loaded) {
      this.entry = entry;
      this.loaded = loaded;
    }
  }

  /** @param modelsDir folder of shipped {@code .gradlens} bundles, or {@code null} */
  public ModelRegistry(Path modelsDir) {
    if (modelsDir != null && Files.isDirectory(modelsDir)) {
      try (Stream<Path> files = Files.list(modelsDir)) {
        files.filter(p -> p.getFileName().toString().endsWith(ModelBundle.EXTENSION)).sorted()
            .forEach(p -> {
              String name = p.getFileName().toString();
              name = name.substring(0, name.length() - ModelBundle.EXTENSION.length());
              WorkspaceEntry entry = new WorkspaceEntry("shipped:" + name, name,
                  WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.BUILT_IN, p);
              models.put(entry.id(), new Slot(entry, null));
            });
      } catch (IOException e) {
        // An unreadable models folder only means no shipped models are listed.
      }
    }
  }

  /** @return every known model, in the order they became known */
  public synchronized List<WorkspaceEntry> entries() {
    List<WorkspaceEntry> all = new ArrayList<>();
    models.values().forEach(s -> all.add(s.entry));
    return all;
  }

  /** @return the entry with this id, if it names a model */
  public synchronized Optional<WorkspaceEntry> entry(String id) {
    return Optional.ofNullable(models.get(id)).map(s -> s.entry);
  }

  /**
   * Opens a model file of any format and kind and adds it. A classifier becomes current; a model
   * of another kind is listed and a {@link ModelMismatchException} says where it can be used.
   *
   * @throws IllegalArgumentException with the command line's message when the file is not a model
   */
  public WorkspaceEntry open(Path file, ProgressListener progress, CancellationToken cancel)
      throws IOException {
    CoreWorkspace.startNd4j();
    Model model = ModelOpening.open(file, null, progress, cancel);
    String id = "file:" + file.toAbsolutePath().normalize();
    WorkspaceEntry entry = new WorkspaceEntry(id, file.getFileName().toString(),
        WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.OPENED, file);
    synchronized (this) {
      models.put(id, new Slot(entry, model));
      if (!(model instanceof Classifier)) {
        throw new ModelMismatchException(file.getFileName() + " is a "
            + model.kind().description() + " model (" + model.describeInput() + "), not a "
            + "classifier: it was added to the workspace; explain it in the Sensitivity tab.");
      }
      currentId = id;
    }
    return entry;
  }

  /**
   * Adds a model trained in this session (not current until selected) with the TracIn checkpoints
   * taken while it trained (empty for none).
   */
  public synchronized WorkspaceEntry addTrained(Classifier model, List<Checkpoint> checkpoints,
      String description) {
    trainedCount++;
    String id = "trained:" + trainedCount;
    WorkspaceEntry entry = new WorkspaceEntry(id, "trained " + trainedCount + " (" + description
        + ")", WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.TRAINED, null);
    Slot slot = new Slot(entry, model);
    slot.checkpoints = List.copyOf(checkpoints);
    models.put(id, slot);
    return entry;
  }

  /** @return the checkpoints recorded in memory while the model {@code id} trained, or none */
  public List<Checkpoint> recordedCheckpoints(String id) {
    Slot slot;
    synchronized (this) {
      slot = models.get(id);
    }
    if (slot == null) {
      throw new IllegalArgumentException("Unknown model: " + id);
    }
    return slot.checkpoints;
  }

  /** Loads {@code entry}'s model if needed, checks that it is a classifier, and makes it current. */
  public void select(WorkspaceEntry entry) throws IOException {
    classifier(entry.id());
    currentId = entry.id();
  }

  /** @return the current model's entry, if one is selected */
  public synchronized Optional<WorkspaceEntry> currentEntry() {
    String id = currentId;
    return id == null ? Optional.empty() : entry(id);
  }

  /**
   * @return the current model, loaded
   * @throws IllegalStateException when no model is selected
   */
  public Classifier currentClassifier() throws IOException {
    String id = currentId;
    if (id == null) {
      throw new IllegalStateException("No model loaded \u2014 open a model (File \u25b8 Open "
          + "model\u2026) or train one");
    }
    return classifier(id);
  }

  /**
   * @return the model with this id, of any kind, loading its file on first use
   * @throws IllegalArgumentException when the id names no model
   */
  public Model model(String id) throws IOException {
    Slot slot;
    synchronized (this) {
      slot = models.get(id);
    }
    if (slot == null) {
      throw new IllegalArgumentException("Unknown model: " + id);
    }
    Model m = slot.loaded;
    if (m == null) {
      CoreWorkspace.startNd4j();
      synchronized (slot) {
        m = slot.loaded;
        if (m == null) {
          m = ModelFiles.openModel(slot.entry.source(), null);
          slot.loaded = m;
        }
      }
    }
    return m;
  }

  /**
   * @return the model with this id as a classifier
   * @throws ModelMismatchException when it is a model of another kind
   */
  public Classifier classifier(String id) throws IOException {
    Model m = model(id);
    if (m instanceof Classifier c) {
      return c;
    }
    throw new ModelMismatchException("\u201c" + entry(id).map(WorkspaceEntry::name).orElse(id)
        + "\u201d is a " + m.kind().description() + " model (" + m.describeInput() + "), not a "
        + "classifier: explain it in the Sensitivity tab.");
  }

  /**
   * @return the first shipped model whose kind passes {@code kind}, judged from its bundle
   *     without loading the weights (unreadable bundles are skipped)
   */
  public Optional<WorkspaceEntry> firstShipped(Predicate<Model.Kind> kind) {
    for (WorkspaceEntry e : entries()) {
      if (e.origin() == WorkspaceEntry.Origin.BUILT_IN && e.source() != null) {
        try {
          if (kind.test(ModelBundle.modelKind(e.source()))) {
            return Optional.of(e);
          }
        } catch (IOException | IllegalArgumentException unreadable) {
          // A damaged shipped bundle is reported when it is selected, not while listing.
        }
      }
    }
    return Optional.empty();
  }
}
