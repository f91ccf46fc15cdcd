package io.gradlens.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FilePrompt} backed by the platform {@link FileChooser} and {@link DirectoryChooser}. */
public final class FxFilePrompt implements FilePrompt {

  private File lastDirectory;

  @Override
  public Optional<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
    FileChooser chooser = chooser(title);
    chooser.getExtensionFilters().setAll(filters);
    return remember(chooser.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> save(Window owner, String title, String defaultName,
      List<FileChooser.ExtensionFilter> filters) {
    FileChooser chooser = chooser(title);
    chooser.setInitialFileName(defaultName);
    chooser.getExtensionFilters().setAll(filters);
    return remember(chooser.showSaveDialog(owner));
  }

  @Override
  public Optional<Path> openDirectory(Window owner, String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (lastDirectory != null && lastDirectory.isDirectory()) {
      chooser.setInitialDirectory(lastDirectory);
    }
    File folder = chooser.showDialog(owner);
    if (folder == null) {
      return Optional.empty();
    }
    lastDirectory = folder.getParentFile();
    return Optional.of(folder.toPath());
  }

  private FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    if (lastDirectory != null && lastDirectory.isDirectory()) {
      chooser.setInitialDirectory(lastDirectory);
    }
    return chooser;
  }

  private Optional<Path> remember(File file) {
    if (file == null) {
      return Optional.empty();
    }
    lastDirectory = file.getParentFile();
    return Optional.of(file.toPath());
  }
}
