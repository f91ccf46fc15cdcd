package io.gradlens.app;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ExportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Prompts for a target file, picks the writer by the chosen extension and reports failures.
 * Writers run on the FX thread: node snapshots require it and the exports are small.
 */
public final class ExportAction {

  /** Writes one format to a path. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the export. */
    void write(Path target) throws IOException;
  }

  private final FilePrompt prompt;
  private final ErrorReporter errors;
  private final String title;
  private final String baseName;
  private final Map<ExportFormat, Writer> writers = new LinkedHashMap<>();

  /**
   * @param prompt asks for the file
   * @param errors reports failures
   * @param title dialog title
   * @param baseName suggested file name without extension
   */
  public ExportAction(FilePrompt prompt, ErrorReporter errors, String title, String baseName) {
    this.prompt = prompt;
    this.errors = errors;
    this.title = title;
    this.baseName = baseName;
  }

  /** Registers a writer; the first registered format is the default. */
  public ExportAction with(ExportFormat format, Writer writer) {
    writers.put(format, writer);
    return this;
  }

  /** Prompts for any registered format and exports. @return the written file, if any */
  public Optional<Path> run(Window owner) {
    return run(owner, List.copyOf(writers.keySet()));
  }

  /** Prompts for one format and exports. @return the written file, if any */
  public Optional<Path> run(Window owner, ExportFormat format) {
    return run(owner, List.of(format));
  }

  private Optional<Path> run(Window owner, List<ExportFormat> formats) {
    List<FileChooser.ExtensionFilter> filters = new ArrayList<>();
    formats.forEach(f -> filters.add(f.filter()));
    Optional<Path> chosen = prompt.save(owner, title, baseName + "." + formats.get(0).extension(),
        filters);
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    Path target = chosen.get();
    ExportFormat format = ExportFormat.of(target).filter(formats::contains).orElse(null);
    if (format == null) {
      format = formats.get(0);
      target = target.resolveSibling(target.getFileName() + "." + format.extension());
    }
    try {
      writers.get(format).write(target);
      return Optional.of(target);
    } catch (IOException | RuntimeException e) {
      errors.report("Export " + format, e);
      return Optional.empty();
    }
  }
}
