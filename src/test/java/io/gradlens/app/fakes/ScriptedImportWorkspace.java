package io.gradlens.app.fakes;

import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnGuess;
import io.gradlens.data.imports.ImportPreview;
import io.gradlens.data.imports.ImportProblem;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test double: a workspace whose import preview is scripted (by default {@link #table} of four
 * reviews) and whose imports are recorded.
 */
public class ScriptedImportWorkspace extends FakeWorkspaceService {

  /** The columns of the scripted file. */
  public static final List<String> COLUMNS = List.of("review", "sentiment", "stars");
  /** Its records. */
  public static final List<List<String>> ROWS = List.of(
      List.of("a fine film", "positive", "4"),
      List.of("dull", "negative", "1"),
      List.of("great fun", "positive", "5"),
      List.of("so-so", "neutral", "3"));

  private final List<TextImportSettings> previews = new CopyOnWriteArrayList<>();
  private final List<TextImportSettings> imports = new CopyOnWriteArrayList<>();
  private volatile Function<TextImportSettings, ImportPreview> preview =
      ScriptedImportWorkspace::table;
  private volatile RuntimeException importFailure;

  /**
   * The preview of {@link #ROWS} under {@code s}: records per value of the label column, in the
   * settings' order; a label column missing from the file is a problem of line 0.
   */
  public static ImportPreview table(TextImportSettings s) {
    int label = s.columns().label() == null ? -1 : COLUMNS.indexOf(s.columns().label());
    Map<String, Long> counts = s.order() == ClassOrder.SORTED ? new TreeMap<>()
        : new LinkedHashMap<>();
    List<ImportProblem> problems = new ArrayList<>();
    if (label < 0 && s.columns().label() != null) {
      problems.add(new ImportProblem(0, s.columns().label(), "no such column"));
    } else if (label >= 0) {
      ROWS.forEach(r -> counts.merge(r.get(label), 1L, Long::sum));
    }
    return new ImportPreview(COLUMNS, ROWS, ColumnGuess.guess(COLUMNS), counts, problems,
        ROWS.size(), false);
  }

  /** Replaces the scripted preview. */
  public void preview(Function<TextImportSettings, ImportPreview> script) {
    preview = script;
  }

  /** Makes every later import fail with {@code failure}. */
  public void failImports(RuntimeException failure) {
    importFailure = failure;
  }

  /** @return the settings of every preview asked for, in order */
  public List<TextImportSettings> previews() {
    return previews;
  }

  /** @return the settings of every import done, in order */
  public List<TextImportSettings> imports() {
    return imports;
  }

  @Override
  public boolean supportsImport() {
    return true;
  }

  @Override
  public ImportPreview previewImport(TextImportSettings settings, int rows,
      ProgressListener progress, CancellationToken cancel) {
    previews.add(settings);
    return preview.apply(settings);
  }

  @Override
  public WorkspaceEntry importDataset(TextImportSettings settings, ProgressListener progress,
      CancellationToken cancel) {
    if (importFailure != null) {
      throw importFailure;
    }
    imports.add(settings);
    return new WorkspaceEntry("file:" + settings.file(), String.valueOf(settings.file()
        .getFileName()), WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.OPENED,
        settings.file());
  }
}
