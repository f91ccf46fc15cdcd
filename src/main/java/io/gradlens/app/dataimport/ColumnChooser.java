package io.gradlens.app.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

/**
 * A combo box choosing one of a file's columns for a role of the import (text, label, …), kept in
 * step with the view model's property; an optional role offers "(none)" first.
 */
final class ColumnChooser {

  /** The label of the absent choice. */
  static final String NONE = "(none)";

  private ColumnChooser() {
  }

  /** A choice: a column name, or {@code null} for none. */
  record Choice(String column) {
    @Override
    public String toString() {
      return column == null ? NONE : column;
    }
  }

  /**
   * @param id the node id
   * @param columns the file's columns (the choices follow them)
   * @param property the view model's column of this role ({@code null}: none)
   * @param optional whether "(none)" is offered
   */
  static ComboBox<Choice> create(String id, ObservableList<String> columns,
      ObjectProperty<String> property, boolean optional) {
    ComboBox<Choice> box = new ComboBox<>();
    box.setId(id);
    box.setMaxWidth(Double.MAX_VALUE);
    box.setConverter(Named.by(Choice::toString));
    boolean[] syncing = {false};
    Runnable fill = () -> {
      syncing[0] = true;
      try {
        List<Choice> items = new ArrayList<>();
        if (optional) {
          items.add(new Choice(null));
        }
        columns.forEach(c -> items.add(new Choice(c)));
        String current = property.get();
        if (current != null && !columns.contains(current)) {
          items.add(new Choice(current)); // keep a remembered column the file lost: the preview says so
        }
        box.getItems().setAll(items);
        box.setValue(current == null && !optional ? null : new Choice(current));
      } finally {
        syncing[0] = false;
      }
    };
    columns.addListener((ListChangeListener<String>) c -> fill.run());
    property.addListener((o, a, b) -> {
      if (!syncing[0] && (box.getValue() == null || !Objects.equals(box.getValue().column(), b))) {
        fill.run();
      }
    });
    box.valueProperty().addListener((o, a, b) -> {
      if (!syncing[0] && b != null) {
        property.set(b.column());
      }
    });
    fill.run();
    return box;
  }
}
