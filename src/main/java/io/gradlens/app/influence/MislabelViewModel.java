package io.gradlens.app.influence;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.DatasetEditService;
import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.TracInProjection;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.MislabelSuspects;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.BackgroundWork;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.ExampleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Influence tab's dataset mode: the training examples with the highest
 * self-influence (suspected mislabels), the actions "Relabel…" and "Exclude" that add an edit to
 * the dataset's edit list, and that list with Undo and Redo. Edits go through the
 * {@link DatasetEditService} (saved beside the dataset; its own file is never written); after each
 * change {@link #setOnEdited the owner} reloads the views that show the dataset.
 */
public final class MislabelViewModel {

  private final InfluenceService influence;
  private final DatasetEditService edits;
  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final ObservableValue<WorkspaceEntry> dataset;

  private final ObjectProperty<InfluenceMethod> method =
      new SimpleObjectProperty<>(this, "method", InfluenceMethod.REPRESENTER);
  private final ProjectionSettingsModel projection = new ProjectionSettingsModel();
  private final IntegerProperty top = new SimpleIntegerProperty(this, "top", 20);
  private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
  private final ObservableList<RankedExample> suspects = FXCollections.observableArrayList();
  private final ObservableList<String> classNames = FXCollections.observableArrayList();
  private final ObservableList<DatasetEdit> editList = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper editFile = new ReadOnlyStringWrapper(this, "editFile", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
      "Press Rank to list the training examples with the highest self-influence.");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

  private Runnable onEdited = () -> { };
  private TaskHandle ranking;
  private int redoable;
  private long generation;

  /**
   * @param influence ranks by self-influence
   * @param edits keeps the dataset's edit list
   * @param runner background runner
   * @param errors reports failures
   * @param dataset the workbench's current dataset
   */
  public MislabelViewModel(InfluenceService influence, DatasetEditService edits,
      TaskRunner runner, ErrorReporter errors, ObservableValue<WorkspaceEntry> dataset) {
    this.influence = influence;
    this.edits = edits;
    this.runner = runner;
    this.errors = errors;
    this.dataset = dataset;
    dataset.addListener((o, a, b) -> {
      suspects.clear();
      redoable = 0;
      refreshEdits();
    });
  }

  /** @param action runs on the UI thread after every change of the edit list */
  public void setOnEdited(Runnable action) {
    this.onEdited = action;
  }

  /** @return the layers and dimension of projected TracIn */
  public ProjectionSettingsModel projectionSettings() {
    return projection;
  }

  /** @return the self-influence method */
  public ObjectProperty<InfluenceMethod> methodProperty() {
    return method;
  }

  /** @return whether dataset mode is on screen (example mode then waits) */
  public BooleanProperty shownProperty() {
    return shown;
  }

  /** @return how many suspects to list */
  public IntegerProperty topProperty() {
    return top;
  }

  /** @return suspects, highest self-influence first */
  public ObservableList<RankedExample> suspects() {
    return suspects;
  }

  /** @return the dataset's classes, for "Relabel…" */
  public ObservableList<String> classNames() {
    return classNames;
  }

  /** @return the current dataset's edits, oldest first */
  public ObservableList<DatasetEdit> editList() {
    return editList;
  }

  /** @return the file the edits are kept in */
  public ReadOnlyStringProperty editFileProperty() {
    return editFile.getReadOnlyProperty();
  }

  /** @return one-line status */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return whether a ranking runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** @return whether there is an edit to undo */
  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  /** @return whether an edit undone in this session can be put back */
  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** Ranks the current dataset's training examples in the background. */
  public void rank() {
    WorkspaceEntry d = dataset.getValue();
    if (d == null) {
      status.set("Open a dataset first.");
      return;
    }
    InfluenceMethod m = method.get();
    Optional<String> reason = influence.unavailable(m);
    if (reason.isPresent()) {
      status.set(reason.get());
      return;
    }
    Optional<TracInProjection> settings = projection.settings();
    if (m == InfluenceMethod.TRACIN_PROJECTED && settings.isEmpty()) {
      status.set(InfluenceViewModel.TICK_A_LAYER + " for " + InfluenceMethodNames.displayName(m)
          + ".");
      return;
    }
    TracInProjection p =
        settings.orElse(TracInProjection.DEFAULT);
    if (ranking != null) {
      ranking.cancel();
    }
    int k = Math.max(1, top.get());
    busy.set(true);
    status.set("Ranking the training examples of " + d.name() + " by self-influence\u2026");
    long mine = ++generation;
    boolean[] settled = {false};
    ranking = runner.submit("Self-influence (" + InfluenceMethodNames.displayName(m) + ")",
        (progress, cancel) -> influence.suspects(d.id(), m, p, k, progress, cancel),
        new TaskCallbacks<>(s -> {
          settled[0] = true;
          if (mine == generation) {
            show(s);
          }
        }, failure -> {
          settled[0] = true;
          if (mine == generation) {
            status.set("Failed: " + ErrorMessages.oneLine(failure));
            errors.report("Self-influence", failure);
          }
        }, () -> {
          if (mine == generation) {
            if (!settled[0]) {
              status.set("Cancelled.");
            }
            busy.set(false);
            ranking = null;
          }
        }));
  }

  /** Stops a running ranking. */
  public void cancel() {
    if (ranking != null) {
      ranking.cancel();
    }
  }

  private void show(MislabelSuspects s) {
    suspects.setAll(RankedExample.rank(s.suspects()));
    classNames.setAll(s.classNames());
    status.set(s.suspects().size() + " training examples with the highest self-influence ("
        + InfluenceMethodNames.displayName(s.method()) + "); mislabelled examples tend to rank high.");
  }

  /** Gives the suspect in {@code row} the class {@code classIndex} (an edit, undoable). */
  public void relabel(RankedExample row, int classIndex) {
    if (classIndex < 0 || classIndex >= classNames.size()) {
      throw new IllegalArgumentException("class " + classIndex + " is out of range 0.."
          + (classNames.size() - 1));
    }
    edit("Relabel " + row.example().exampleId(), ref -> new DatasetEdit.Relabel(ref, classIndex),
        row.example().exampleId());
  }

  /** Leaves the suspect in {@code row} out of the training split (an edit, undoable). */
  public void exclude(RankedExample row) {
    edit("Exclude " + row.example().exampleId(), DatasetEdit.Exclude::new,
        row.example().exampleId());
  }

  private void edit(String title, Function<ExampleRef, DatasetEdit> factory, String exampleId) {
    WorkspaceEntry d = dataset.getValue();
    if (d == null) {
      return;
    }
    change(title, () -> {
      edits.add(d.id(), factory.apply(edits.reference(d.id(), exampleId)));
      return true;
    }, () -> redoable = 0);
  }

  /** Removes the newest edit. */
  public void undo() {
    WorkspaceEntry d = dataset.getValue();
    if (d != null) {
      change("Undo edit", () -> edits.undo(d.id()).isPresent(), () -> redoable++);
    }
  }

  /** Puts back the edit undone last. */
  public void redo() {
    WorkspaceEntry d = dataset.getValue();
    if (d != null) {
      change("Redo edit", () -> edits.redo(d.id()).isPresent(), () -> redoable--);
    }
  }

  /** A change of the edit list that reports whether it changed something. */
  @FunctionalInterface
  private interface Change {
    boolean apply() throws Exception;
  }

  private void change(String title, Change change, Runnable onChanged) {
    BackgroundWork<Boolean> work = (progress, cancel) -> change.apply();
    runner.submit(title, work, TaskCallbacks.of(changed -> {
      if (changed) {
        onChanged.run();
        refreshEdits();
        status.set(title + " \u2014 done; the ranking above is of the dataset before the change, "
            + "press Rank to rank it again.");
        onEdited.run();
      }
    }, failure -> errors.report(title, failure)));
  }

  /** Reads the current dataset's edit list and file (small, on the calling thread). */
  public void refreshEdits() {
    WorkspaceEntry d = dataset.getValue();
    if (d == null) {
      editList.clear();
      editFile.set("");
      canUndo.set(false);
      canRedo.set(false);
      return;
    }
    try {
      DatasetEdits current = edits.edits(d.id());
      editList.setAll(current.edits());
      editFile.set(edits.location(d.id()).toString());
    } catch (Exception e) {
      errors.report("Read dataset edits", e);
    }
    canUndo.set(!editList.isEmpty());
    canRedo.set(redoable > 0);
  }

  /** @return the suspects as CSV rows ({@link RankedExample#csvHeader()}) */
  public List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    suspects.forEach(r -> rows.add(r.csvRow("suspect")));
    return rows;
  }
}
