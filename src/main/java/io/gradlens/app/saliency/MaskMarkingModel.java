package io.gradlens.app.saliency;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.DatasetEditService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Marking tokens and pixels "must not matter" in the Saliency tab, the first step of the
 * fix-the-reasons loop (Ross, Hughes and Doshi-Velez, IJCAI 2017): a click on a token toggles its
 * mark (for its word everywhere, or for this example only), a brush stroke marks pixels (of this
 * image or of every image). Marks are edits of the dataset, kept by the {@link DatasetEditService}
 * beside the dataset; undo and redo go through it too. Saving runs in the background.
 */
public final class MaskMarkingModel {

  private final DatasetEditService service;
  private final TaskRunner runner;
  private final ErrorReporter errors;

  private final ObjectProperty<MarkScope> scope =
      new SimpleObjectProperty<>(this, "scope", MarkScope.EVERYWHERE);
  private final ReadOnlyObjectWrapper<SortedSet<Integer>> markedTokens =
      new ReadOnlyObjectWrapper<>(this, "markedTokens", new TreeSet<>());
  private final ReadOnlyObjectWrapper<boolean[]> markedPixels =
      new ReadOnlyObjectWrapper<>(this, "markedPixels", new boolean[0]);
  private final ObservableList<DatasetEdit> marks = FXCollections.observableArrayList();
  private final ObservableList<DatasetEdit> marksView =
      FXCollections.unmodifiableObservableList(marks);
  private final ReadOnlyBooleanWrapper hasMarks = new ReadOnlyBooleanWrapper(this, "hasMarks");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

  private String datasetId;
  private String exampleId;
  private MaskMarks.Position position;
  private List<String> tokens = List.of();
  private int pixelCount;
  private DatasetEdits edits = DatasetEdits.none();

  /**
   * @param service keeps the edit lists
   * @param runner background runner (saving touches the disk)
   * @param errors reports failures
   */
  public MaskMarkingModel(DatasetEditService service, TaskRunner runner, ErrorReporter errors) {
    this.service = service;
    this.runner = runner;
    this.errors = errors;
  }

  /**
   * Shows the marks of an example. Text examples give their tokens, images their pixel count.
   *
   * @param dataset workspace id of the dataset
   * @param example workspace example id ({@code test/17})
   * @param exampleTokens the tokens shown (empty for an image)
   * @param pixels pixels per channel plane of an image (0 for text)
   */
  public void show(String dataset, String example, List<String> exampleTokens, int pixels) {
    boolean otherDataset = !java.util.Objects.equals(dataset, datasetId);
    datasetId = dataset;
    exampleId = example;
    position = MaskMarks.position(example).orElse(null);
    tokens = List.copyOf(exampleTokens);
    pixelCount = Math.max(0, pixels);
    if (otherDataset) {
      refresh();
    } else {
      updateMarks();
    }
  }

  /** Reads the dataset's edits again (in the background) and updates the marks. */
  public void refresh() {
    String dataset = datasetId;
    if (dataset == null) {
      setEdits(DatasetEdits.none());
      return;
    }
    runner.submit("Read marks", (p, c) -> service.edits(dataset),
        TaskCallbacks.of(e -> {
          if (dataset.equals(datasetId)) {
            setEdits(e);
          }
        }, e -> fail("Read marks", e)));
  }

  /**
   * Toggles the mark of token {@code index}: an unmarked token is marked with the current scope; a
   * marked one loses every edit that marks it (its word, or this example's position).
   */
  public void toggleToken(int index) {
    if (datasetId == null || index < 0 || index >= tokens.size()) {
      return;
    }
    String dataset = datasetId;
    String example = exampleId;
    String token = tokens.get(index);
    List<DatasetEdit> marking = MaskMarks.editsMarking(edits, position, tokens, index);
    MarkScope chosen = scope.get();
    change(marking.isEmpty() ? "Mark \u201c" + token + "\u201d" : "Unmark \u201c" + token + "\u201d",
        () -> {
          if (marking.isEmpty()) {
            service.add(dataset, chosen == MarkScope.EVERYWHERE ? new DatasetEdit.MaskWord(token)
                : new DatasetEdit.MaskTokens(service.reference(dataset, example), new int[] {index}));
            return;
          }
          for (DatasetEdit e : marking) {
            service.remove(dataset, e);
            if (e instanceof DatasetEdit.MaskTokens m) {
              Optional<DatasetEdit.MaskTokens> rest = MaskMarks.without(m, index);
              if (rest.isPresent()) {
                service.add(dataset, rest.get());
              }
            }
          }
        });
  }

  /**
   * Marks pixels of the shown image (scope: this image) or of every image.
   *
   * @param pixels positions {@code row · width + column}
   */
  public void paintPixels(int[] pixels) {
    if (datasetId == null || pixels.length == 0) {
      return;
    }
    String dataset = datasetId;
    String example = exampleId;
    MarkScope chosen = scope.get();
    change("Mark " + pixels.length + " pixels", () -> service.add(dataset,
        new DatasetEdit.MaskPixels(chosen == MarkScope.EVERYWHERE ? null
            : service.reference(dataset, example), pixels)));
  }

  /** Removes the newest edit of the dataset. */
  public void undo() {
    String dataset = datasetId;
    if (dataset != null) {
      change("Undo", () -> service.undo(dataset));
    }
  }

  /** Puts back the edit undone last. */
  public void redo() {
    String dataset = datasetId;
    if (dataset != null) {
      change("Redo", () -> service.redo(dataset));
    }
  }

  /** Something that changes the edit list on disk. */
  @FunctionalInterface
  private interface EditAction {
    void run() throws Exception;
  }

  private void change(String title, EditAction action) {
    String dataset = datasetId;
    runner.submit(title, (p, c) -> {
      action.run();
      return service.edits(dataset);
    }, TaskCallbacks.of(e -> {
      if (dataset.equals(datasetId)) {
        setEdits(e);
        status.set(title + ": saved to " + fileName(dataset));
      }
    }, e -> fail(title, e)));
  }

  private String fileName(String dataset) {
    try {
      return service.location(dataset).getFileName().toString();
    } catch (Exception e) {
      return "the edit list";
    }
  }

  private void fail(String title, Throwable e) {
    status.set(title + " failed: " + ErrorMessages.oneLine(e));
    errors.report(title, e);
  }

  private void setEdits(DatasetEdits e) {
    edits = e;
    marks.setAll(MaskMarks.maskEdits(e));
    hasMarks.set(!marks.isEmpty());
    canRedo.set(redoable(datasetId));
    updateMarks();
  }

  /** Whether the journal of {@code dataset} holds an undone edit (reads a small file). */
  private boolean redoable(String dataset) {
    try {
      return dataset != null && service.canRedo(dataset);
    } catch (Exception e) {
      return false;
    }
  }

  private void updateMarks() {
    markedTokens.set(MaskMarks.markedTokens(edits, position, tokens));
    markedPixels.set(MaskMarks.markedPixels(edits, position, pixelCount));
  }

  /** @return where new marks apply; "everywhere" by default */
  public ObjectProperty<MarkScope> scopeProperty() {
    return scope;
  }

  /** @return the marked token positions of the shown example */
  public ReadOnlyObjectProperty<SortedSet<Integer>> markedTokensProperty() {
    return markedTokens.getReadOnlyProperty();
  }

  /** @return per pixel of the shown image, whether it is marked */
  public ReadOnlyObjectProperty<boolean[]> markedPixelsProperty() {
    return markedPixels.getReadOnlyProperty();
  }

  /** @return the dataset's mask edits, oldest first (read-only) */
  public ObservableList<DatasetEdit> marks() {
    return marksView;
  }

  /** @return whether the dataset's journal holds an undone mark that Redo puts back */
  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** @return whether the dataset has any mask edit (so constrained training can run) */
  public ReadOnlyBooleanProperty hasMarksProperty() {
    return hasMarks.getReadOnlyProperty();
  }

  /** @return one line about the last change */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return the marked positions as a set (convenience for tests) */
  public Set<Integer> markedTokens() {
    return markedTokens.get();
  }
}
