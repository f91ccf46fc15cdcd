package io.gradlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.export.ExportFormat;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileKindTest {

  @Test
  void routesByExtension() {
    assertEquals(Optional.of(FileKind.DATASET), FileKind.of(Path.of("/d/Reviews.CSV")));
    assertEquals(Optional.of(FileKind.MODEL), FileKind.of(Path.of("m.gradlens")));
    assertEquals(Optional.of(FileKind.MODEL), FileKind.of(Path.of("/k/model.H5")));
    assertEquals(Optional.of(FileKind.MODEL), FileKind.of(Path.of("/k/model.keras")));
    assertEquals(Optional.of(FileKind.MODEL), FileKind.of(Path.of("/tfjs/model.json")),
        "a TensorFlow.js model, not a JSON dataset");
    assertEquals(Optional.of(FileKind.DATASET), FileKind.of(Path.of("/d/reviews.json")));
    assertTrue(FileKind.of(Path.of("noext")).isEmpty());
    assertTrue(FileKind.of(Path.of("/")).isEmpty());
  }

  @Test
  void exportFormatByExtension() {
    assertEquals(Optional.of(ExportFormat.SVG), ExportFormat.of(Path.of("a.SVG")));
    assertTrue(ExportFormat.of(Path.of("a.gif")).isEmpty());
  }
}
