package io.gradlens.app.saliency;

import io.gradlens.app.service.WorkspaceEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * "Compare with": a list of the models offered for comparison ("Off" when none is chosen) and a
 * button that turns compare mode off. The list shows its own copy of the choices, kept in step by
 * hand: when a ComboBox's items are replaced it may set its value to null on the way, which a
 * bidirectional binding would pass on as "compare off" (it turned off the comparison a
 * constrained retrain had just opened).
 */
final class CompareChooser extends HBox {

  private final ObservableList<WorkspaceEntry> choices;
  private final ObjectProperty<WorkspaceEntry> chosen;
  private final ObservableList<WorkspaceEntry> shown = FXCollections.observableArrayList();
  private final ComboBox<WorkspaceEntry> list = new ComboBox<>(shown);
  private boolean syncing;

  /**
   * @param choices the models offered (kept up to date by the view model)
   * @param chosen the compared model, null for compare mode off
   */
  CompareChooser(ObservableList<WorkspaceEntry> choices, ObjectProperty<WorkspaceEntry> chosen) {
    super(2);
    this.choices = choices;
    this.chosen = chosen;
    setAlignment(Pos.CENTER_LEFT);
    list.setId("compare-model");
    list.setPromptText("Off");
    list.setConverter(new StringConverter<>() {
      @Override
      public String toString(WorkspaceEntry e) {
        return e == null ? "Off" : e.name();
      }

      @Override
      public WorkspaceEntry fromString(String s) {
        return null;
      }
    });
    // A button cell of our own: the default one forgets the prompt text once a value was reset.
    list.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(WorkspaceEntry item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? "Off" : item.name());
      }
    });
    choices.addListener((ListChangeListener<WorkspaceEntry>) c -> showModel());
    chosen.addListener((o, a, b) -> showModel());
    list.valueProperty().addListener((o, a, b) -> {
      if (!syncing) {
        chosen.set(b);
      }
    });
    showModel();
    Button off = new Button("\u2715");
    off.setId("compare-off");
    off.setOnAction(e -> chosen.set(null));
    off.disableProperty().bind(Bindings.isNull(chosen));
    getChildren().addAll(list, off);
  }

  /** Shows the view model's choices and choice, without writing back. */
  private void showModel() {
    syncing = true;
    try {
      if (!shown.equals(choices)) {
        shown.setAll(choices);
      }
      list.setValue(chosen.get());
    } finally {
      syncing = false;
    }
  }
}
