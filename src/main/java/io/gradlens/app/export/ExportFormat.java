package io.gradlens.app.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;

/** File formats the workbench exports. */
public enum ExportFormat {
  /** Raster image. */
  PNG("PNG image", "png"),
  /** Vector image. */
  SVG("SVG vector image", "svg"),
  /** Comma-separated values. */
  CSV("CSV table", "csv");

  private final String description;
  private final String extension;

  ExportFormat(String description, String extension) {
    this.description = description;
    this.extension = extension;
  }

  /** @return file extension without dot */
  public String extension() {
    return extension;
  }

  /** @return a file-chooser filter for this format */
  public FileChooser.ExtensionFilter filter() {
    return new FileChooser.ExtensionFilter(description, "*." + extension);
  }

  /** @return the format of {@code file} by extension, or empty */
  public static Optional<ExportFormat> of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (name.endsWith("." + f.extension)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
