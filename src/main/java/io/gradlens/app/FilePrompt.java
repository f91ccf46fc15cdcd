package io.gradlens.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for files and folders; replaced in tests by a prompt that answers without a dialog. */
public interface FilePrompt {

  /**
   * @param owner owning window
   * @param title dialog title
   * @param filters extension filters
   * @return the chosen file, or empty when the user cancelled
   */
  Optional<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

  /**
   * @param owner owning window
   * @param title dialog title
   * @param defaultName suggested file name
   * @param filters extension filters of the formats offered
   * @return the chosen file, or empty when the user cancelled
   */
  Optional<Path> save(Window owner, String title, String defaultName,
      List<FileChooser.ExtensionFilter> filters);

  /**
   * @param owner owning window
   * @param title dialog title
   * @return the chosen folder, or empty when the user cancelled
   */
  Optional<Path> openDirectory(Window owner, String title);
}
