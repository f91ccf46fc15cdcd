package io.gradlens.app.influence;

import io.gradlens.app.ExportAction;
import io.gradlens.app.export.ExportFormat;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/** A menu button offering one {@link ExportAction}'s formats (PNG, SVG, CSV). */
final class ExportMenu {

  private ExportMenu() {
  }

  /**
   * @param text the button's text
   * @param id the button's id; its items get {@code id-png}, {@code id-svg}, {@code id-csv}
   * @param action the export
   * @param owner the window for the file dialog
   */
  static MenuButton create(String text, String id, ExportAction action, Supplier<Window> owner) {
    MenuButton button = new MenuButton(text);
    button.setId(id);
    for (ExportFormat f : new ExportFormat[] {ExportFormat.PNG, ExportFormat.SVG,
        ExportFormat.CSV}) {
      MenuItem item = new MenuItem(f.name());
      item.setId(id + "-" + f.extension());
      item.setOnAction(e -> action.run(owner.get(), f));
      button.getItems().add(item);
    }
    return button;
  }
}
