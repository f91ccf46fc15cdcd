package io.gradlens.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.app.settings.RecentDataset;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.data.imports.TokenizerOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Import settings to the settings file's plain form and back; bad fields take defaults. */
class SavedImportSettingsTest {

  private static final Path FILE = Path.of("/data/reviews.csv").toAbsolutePath();

  @Test
  void everyChoiceSurvivesTheRoundTrip() {
    TextImportSettings chosen = TextImportSettings.defaults(FILE).withFormat(TableFormat.TSV)
        .withDelimiter('|')
        .withColumns(new ColumnMapping("review", "sentiment", "rationale", "uid", "fold"))
        .withClasses(List.of("neg", "pos")).withOrder(ClassOrder.FIRST_APPEARANCE)
        .withTokenizer(new TokenizerOptions(false, false, 128)).withTestFraction(0.35)
        .withSeed(-9);
    RecentDataset saved = SavedImportSettings.save(chosen);
    assertEquals(FILE.toString(), saved.file());
    assertEquals("TSV", saved.format());
    assertEquals("|", saved.delimiter());
    assertEquals(chosen, SavedImportSettings.restore(saved));
  }

  @Test
  void jsonLinesKeepNoDelimiter() {
    TextImportSettings jsonl = TextImportSettings.defaults(Path.of("/d/x.jsonl").toAbsolutePath());
    RecentDataset saved = SavedImportSettings.save(jsonl);
    assertNull(saved.delimiter());
    assertEquals(jsonl, SavedImportSettings.restore(saved));
  }

  @Test
  void fieldsThatMakeNoSenseTakeTheirDefaults() {
    RecentDataset odd = new RecentDataset(FILE.toString(), "EXCEL", ",,", "review", "sentiment",
        null, null, null, null, "RANDOM", null, false, -3, 2.0, null);
    TextImportSettings restored = SavedImportSettings.restore(odd);
    TextImportSettings defaults = TextImportSettings.defaults(FILE);
    assertEquals(TableFormat.CSV, restored.format(), "from the .csv extension");
    assertEquals(',', restored.delimiter());
    assertEquals(ClassOrder.SORTED, restored.order());
    assertEquals(new TokenizerOptions(true, false, 0), restored.tokenizer());
    assertEquals(defaults.testFraction(), restored.testFraction());
    assertEquals(defaults.seed(), restored.seed());
    assertEquals(new ColumnMapping("review", "sentiment", null, null, null), restored.columns());
  }

  @Test
  void anEntryWithoutAFileIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SavedImportSettings.restore(
        new RecentDataset(" ", null, null, null, null, null, null, null, null, null, null, null,
            null, null, null)));
  }
}
