package io.gradlens.app;

import io.gradlens.workflow.AboutInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Window;

/**
 * The Help menu: About (versions, log folder and the bundled libraries' licences,
 * {@link AboutInfo}) and Open log folder (the rotating log of {@link io.gradlens.install.LogSetup},
 * opened with the desktop's file manager through {@code xdg-open}; where that fails, a dialog names
 * the folder).
 */
final class HelpMenu {

  private static final Logger LOG = Logger.getLogger(HelpMenu.class.getName());
  /** The desktop's opener of files and folders (freedesktop.org xdg-utils). */
  static final String OPENER = "xdg-open";

  private HelpMenu() {
  }

  /** @param owner the window dialogs belong to */
  static Menu create(Supplier<Window> owner) {
    MenuItem about = new MenuItem("About GradLens");
    about.setId("menu-about");
    about.setAccelerator(new KeyCodeCombination(KeyCode.F1));
    about.setOnAction(e -> about(owner.get()));
    MenuItem logs = new MenuItem("Open log folder");
    logs.setId("menu-open-logs");
    logs.setOnAction(e -> openLogFolder(owner.get(), AboutInfo.current().logs()));
    Menu help = new Menu("Help", null, about, logs);
    help.setId("menu-help");
    return help;
  }

  private static void about(Window owner) {
    AboutInfo info = AboutInfo.current();
    TextArea text = new TextArea(info.text());
    text.setId("about-text");
    text.setEditable(false);
    text.setWrapText(false);
    text.setPrefSize(640, 360);
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle("About GradLens");
    alert.setHeaderText("GradLens " + info.gradlens()
        + "\nShows why a neural network decides what it decides, by its gradients.");
    alert.getDialogPane().setContent(text);
    alert.setResizable(true);
    alert.show();
  }

  /** Opens {@code folder} (created first) in the file manager, or names it in a dialog. */
  static void openLogFolder(Window owner, Path folder) {
    try {
      Files.createDirectories(folder);
      new ProcessBuilder(OPENER, folder.toAbsolutePath().toString()).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.INFO, "could not open " + folder + " with " + OPENER, e);
      Alert alert = new Alert(Alert.AlertType.INFORMATION);
      alert.initOwner(owner);
      alert.setTitle("Log folder");
      alert.setHeaderText("GradLens writes its log to");
      TextArea path = new TextArea(folder.toAbsolutePath().toString());
      path.setEditable(false);
      path.setPrefRowCount(1);
      alert.getDialogPane().setContent(path);
      alert.show();
    }
  }
}
