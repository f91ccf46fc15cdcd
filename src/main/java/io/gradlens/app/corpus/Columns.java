package io.gradlens.app.corpus;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns computed from the row (the corpus tables are not edited). */
final class Columns {

  private Columns() {
  }

  /** A column titled {@code title} showing {@code value} of each row. */
  static <R, V> TableColumn<R, V> of(String title, double width, Function<R, V> value) {
    TableColumn<R, V> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
