package io.gradlens.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

  @TempDir
  Path dir;

  @Test
  void writesAndReplaces() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFileWriter.write(target, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
    AtomicFileWriter.write(target, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
    assertEquals("two", Files.readString(target));
    assertEquals(1, count(), "no temp files left behind");
  }

  @Test
  void failedWriteKeepsTheGoodFileAndLeavesNoTemp() throws IOException {
    Path target = dir.resolve("good.csv");
    Files.writeString(target, "good");
    assertThrows(IOException.class, () -> AtomicFileWriter.write(target, out -> {
      out.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertThrows(IllegalStateException.class, () -> AtomicFileWriter.write(target, out -> {
      throw new IllegalStateException("renderer bug");
    }));
    assertEquals("good", Files.readString(target));
    assertEquals(1, count());
  }

  @Test
  void createsMissingDirectories() throws IOException {
    Path target = dir.resolve("a/b/c.txt");
    AtomicFileWriter.write(target, out -> out.write('x'));
    assertEquals("x", Files.readString(target));
  }

  @Test
  void permissionsFollowTheUmaskLikeAPlainWrite() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "p");
    Path atomic = dir.resolve("atomic.txt");
    AtomicFileWriter.write(atomic, out -> out.write('a'));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
  }

  private long count() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
