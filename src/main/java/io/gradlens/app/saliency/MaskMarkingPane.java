package io.gradlens.app.saliency;

import io.gradlens.data.edits.DatasetEdit;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The controls of the fix-the-reasons loop in the Saliency tab: whether clicks mark, where a mark
 * applies, the list of the dataset's marks with undo and redo, and "Retrain with constraint…".
 */
public final class MaskMarkingPane extends VBox {

  private final ToggleButton marking = new ToggleButton("Mark");

  /**
   * @param model the marking state
   * @param retrain opens the Training tab preset with the explanation penalty
   */
  public MaskMarkingPane(MaskMarkingModel model, Runnable retrain) {
    super(6);
    setId("mask-pane");
    setPadding(new Insets(8));
    marking.setId("mark-mode");
    // Off by default: a click on a word only marks it "must not matter" once the user asked to.
    marking.setSelected(false);
    marking.setTooltip(new Tooltip("Mark mode: while on, a click on a token toggles its "
        + "\u201cmust not matter\u201d mark and a brush stroke on the input image marks pixels. "
        + "Esc leaves it; Edit \u25b8 Undo (Ctrl+Z) takes a mark back. Marks are kept beside the "
        + "dataset."));
    Label modeState = new Label();
    modeState.setId("mark-mode-state");
    modeState.textProperty().bind(Bindings.when(marking.selectedProperty())
        .then("Mark mode ON: a click marks a word").otherwise("Mark mode off"));
    modeState.styleProperty().bind(Bindings.when(marking.selectedProperty())
        .then("-fx-text-fill: #b00020; -fx-font-weight: bold").otherwise(""));
    ComboBox<MarkScope> scope = new ComboBox<>();
    scope.setId("mark-scope");
    scope.getItems().setAll(MarkScope.values());
    scope.valueProperty().bindBidirectional(model.scopeProperty());
    ListView<DatasetEdit> marks = new ListView<>(model.marks());
    marks.setId("mark-list");
    marks.setPrefHeight(110);
    marks.setPlaceholder(new Label("No marks yet"));
    marks.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(DatasetEdit item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.describe());
      }
    });
    Button undo = new Button("Undo");
    undo.setId("mark-undo");
    undo.setOnAction(e -> model.undo());
    undo.disableProperty().bind(Bindings.isEmpty(model.marks()));
    Button redo = new Button("Redo");
    redo.setId("mark-redo");
    redo.setOnAction(e -> model.redo());
    redo.disableProperty().bind(model.canRedoProperty().not());
    Button retrainButton = new Button("Retrain with constraint\u2026");
    retrainButton.setId("retrain-constraint");
    retrainButton.setTooltip(new Tooltip("Opens the Training tab with the explanation penalty "
        + "(Ross et al. 2017) on the marked tokens or pixels; when training is done the new model "
        + "is compared with this one."));
    retrainButton.disableProperty().bind(model.hasMarksProperty().not());
    retrainButton.setOnAction(e -> retrain.run());
    Label status = new Label();
    status.setId("mark-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    Label title = new Label("Fix the reasons");
    title.setStyle("-fx-font-weight: bold");
    Label appliesTo = new Label("Applies to");
    appliesTo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    scope.setTooltip(new Tooltip("Everywhere: the clicked word in every text, or the painted "
        + "pixels in every image (the right scope for a shortcut word). This example only: these "
        + "positions of this text or image."));
    HBox scopeRow = new HBox(4, appliesTo, scope);
    scopeRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    getChildren().addAll(title, new HBox(6, marking, modeState), scopeRow, marks,
        new HBox(4, undo, redo), retrainButton, status);
  }

  /** @return whether clicks and brush strokes mark */
  public boolean isMarking() {
    return marking.isSelected();
  }

  /**
   * Turns mark mode off and disables it while {@code condition} holds (marks belong to dataset
   * examples, not to a typed sentence).
   */
  public void disableWhile(javafx.beans.value.ObservableBooleanValue condition) {
    marking.disableProperty().bind(condition);
    condition.addListener((o, a, b) -> {
      if (b) {
        stopMarking();
      }
    });
  }

  /** Leaves mark mode (Esc). */
  public void stopMarking() {
    marking.setSelected(false);
  }
}
