package io.gradlens.app.influence;

import io.gradlens.app.ExportAction;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.data.edits.DatasetEdit;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Dataset mode of the Influence tab: suspected mislabels ranked by self-influence, "Relabel…" and
 * "Exclude" for the selected one, and the dataset's edit list with Undo and Redo.
 */
final class MislabelPane extends BorderPane {

  private final MislabelViewModel model;
  private final TableView<RankedExample> table;
  private final ExportAction export;

  MislabelPane(MislabelViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("influence-dataset-pane");
    table = RankingTable.create("mislabel-table", model.suspects(), "Self-influence",
        "Press Rank to list suspected mislabels");
    export = ExampleInfluencePane.tableExport(prompt, errors, table, "suspects",
        model.suspects());
    setTop(controls());
    SplitPane split = new SplitPane(table, editsPanel());
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.7);
    setCenter(split);
    Label status = new Label();
    status.setId("mislabel-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    status.setPadding(new Insets(4, 8, 4, 8));
    setBottom(status);
  }

  private FlowPane controls() {
    Button relabel = new Button("Relabel\u2026");
    relabel.setId("mislabel-relabel");
    relabel.setOnAction(e -> askRelabel());
    Button exclude = new Button("Exclude");
    exclude.setId("mislabel-exclude");
    exclude.setOnAction(e -> model.exclude(table.getSelectionModel().getSelectedItem()));
    relabel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    exclude.disableProperty().bind(relabel.disableProperty());
    FlowPane row = new FlowPane(10, 6);
    // Rank needs no example; without a dataset it says so in the status line.
    row.getChildren().addAll(InfluenceControls.create("mislabel", model.methodProperty(),
        model.topProperty(), 500, model.projectionSettings(), "Rank", model::rank,
        new javafx.beans.property.SimpleStringProperty(""), model.busyProperty(), model::cancel));
    row.getChildren().addAll(relabel, exclude,
        ExportMenu.create("Export table", "mislabel-export", export, this::window));
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(8));
    return row;
  }

  /** Asks for the new class of the selected suspect, offering the first other class. */
  private void askRelabel() {
    RankedExample row = table.getSelectionModel().getSelectedItem();
    if (row == null || model.classNames().isEmpty()) {
      return;
    }
    String other = model.classNames().stream().filter(c -> !c.equals(row.example().label()))
        .findFirst().orElse(model.classNames().get(0));
    ChoiceDialog<String> dialog = new ChoiceDialog<>(other, model.classNames());
    dialog.initOwner(window());
    dialog.setTitle("Relabel");
    dialog.setHeaderText("New class of " + row.example().exampleId() + " (now \u201c"
        + row.example().label() + "\u201d)");
    Optional<String> chosen = dialog.showAndWait();
    chosen.ifPresent(c -> model.relabel(row, model.classNames().indexOf(c)));
  }

  private VBox editsPanel() {
    ListView<DatasetEdit> list = new ListView<>(model.editList());
    list.setId("edit-list");
    list.setPlaceholder(new Label("No edits: the dataset is as its file holds it."));
    list.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(DatasetEdit item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.describe());
      }
    });
    Button undo = new Button("Undo");
    undo.setId("edit-undo");
    undo.disableProperty().bind(model.canUndoProperty().not());
    undo.setOnAction(e -> model.undo());
    Button redo = new Button("Redo");
    redo.setId("edit-redo");
    redo.disableProperty().bind(model.canRedoProperty().not());
    redo.setOnAction(e -> model.redo());
    Label file = new Label();
    file.setId("edit-file");
    file.setWrapText(true);
    file.textProperty().bind(Bindings.createStringBinding(() -> model.editFileProperty().get()
        .isEmpty() ? "" : "Kept in " + model.editFileProperty().get()
        + " \u2014 the dataset's own file is never written.", model.editFileProperty()));
    Label title = new Label("Edits of this dataset (applied whenever it loads)");
    title.setStyle("-fx-font-weight: bold;");
    HBox buttons = new HBox(6, undo, redo, file);
    buttons.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(file, Priority.ALWAYS);
    VBox box = new VBox(4, title, list, buttons);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.setPadding(new Insets(4, 8, 4, 8));
    return box;
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  /** Runs the table export (File ▸ Export…). */
  void exportInteractively(Window owner) {
    export.run(owner);
  }
}
