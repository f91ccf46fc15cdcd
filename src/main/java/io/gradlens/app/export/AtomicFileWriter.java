package io.gradlens.app.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file through a temporary sibling that is moved over the target only after the content
 * was written completely, so a failed write never leaves a broken file over a good one.
 */
public final class AtomicFileWriter {

  /** Produces the file content. */
  @FunctionalInterface
  public interface Content {
    /** Writes everything to {@code out}; must not close it. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFileWriter() {
  }

  /**
   * Writes {@code target} atomically (where the file system supports atomic moves).
   *
   * @throws IOException when writing or moving fails; the target is then untouched
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: that creates owner-only (0600) files, and the move would keep
    // those permissions; a plain CREATE_NEW honours the user's umask like any other save.
    Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(
        ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }
}
