package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.TextDataset;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace side of the import dialog: preview and import through the service. */
class CoreWorkspaceImportTest {

  @TempDir
  Path dir;

  @Test
  void anImportListsTheFileWithItsWordClassesAndAReimportReplacesIt() throws Exception {
    Path csv = Files.writeString(dir.resolve("opinions.csv"),
        "body,opinion\nlovely,yes\nawful,no\nfine,yes\ngrim,no\nnice,yes\n");
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
    CoreWorkspaceService service = new CoreWorkspaceService(workspace);
    int before = service.entries().size();
    TextImportSettings settings = TextImportSettings.defaults(csv)
        .withColumns(new ColumnMapping("body", "opinion", null, null, null));

    var preview = service.previewImport(settings, 2, ProgressListener.NONE,
        CancellationToken.NONE);
    assertEquals(5, preview.records());
    assertEquals(2, preview.firstRows().size());
    assertEquals(Map.of("no", 2L, "yes", 3L), preview.classCounts());

    WorkspaceEntry entry = service.importDataset(settings, ProgressListener.NONE,
        CancellationToken.NONE);
    assertEquals("opinions.csv", entry.name());
    assertEquals(WorkspaceEntry.Origin.OPENED, entry.origin());
    assertEquals(before + 1, service.entries().size());
    TextDataset sorted = (TextDataset) workspace.dataset(entry.id());
    assertEquals(List.of("no", "yes"), sorted.classNames());
    assertEquals(5, sorted.trainSize() + sorted.testSize());

    WorkspaceEntry again = service.importDataset(settings.withOrder(ClassOrder.FIRST_APPEARANCE),
        ProgressListener.NONE, CancellationToken.NONE);
    assertEquals(entry, again);
    assertEquals(before + 1, service.entries().size(), "replaced, not added");
    assertEquals(List.of("yes", "no"),
        ((TextDataset) workspace.dataset(entry.id())).classNames());
  }

  @Test
  void aFileWithAProblemIsNotImported() throws IOException {
    Path csv = Files.writeString(dir.resolve("broken.csv"), "body,opinion\nlovely,yes\nawful,\n");
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
    int before = workspace.entries().size();
    DatasetFormatException e = assertThrows(DatasetFormatException.class, () ->
        workspace.importDataset(TextImportSettings.defaults(csv)
            .withColumns(new ColumnMapping("body", "opinion", null, null, null))));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertEquals(before, workspace.entries().size());
  }

  @Test
  void anImportCancelledWhileReadingAddsNothing() throws IOException {
    Path csv = Files.writeString(dir.resolve("fine.csv"), "body,opinion\nlovely,yes\nawful,no\n");
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
    int before = workspace.entries().size();
    CancellationToken cancelled = new CancellationToken();
    cancelled.cancel();
    assertThrows(CancellationToken.CancelledException.class, () -> workspace.importDataset(
        TextImportSettings.defaults(csv).withColumns(
            new ColumnMapping("body", "opinion", null, null, null)), cancelled));
    assertEquals(before, workspace.entries().size());
  }
}
