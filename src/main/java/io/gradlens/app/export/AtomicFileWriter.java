package io.gradlens.app.export;

import io.gradlens.format.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The workbench's saves ({@link AtomicFile}): a temporary sibling moved over the target only after
 * the content was written completely, so a failed write never leaves a broken file over a good one.
 */
public final class AtomicFileWriter {

  /** Produces the file content ({@link AtomicFile.Content}: writes everything, does not close). */
  @FunctionalInterface
  public interface Content extends AtomicFile.Content {
  }

  private AtomicFileWriter() {
  }

  /**
   * Writes {@code target} atomically (where the file system supports atomic moves).
   *
   * @throws IOException when writing or moving fails; the target is then untouched
   */
  public static void write(Path target, Content content) throws IOException {
    AtomicFile.write(target, content);
  }
}
