package io.gradlens.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.settings.AppSettings;
import io.gradlens.app.settings.RecentDataset;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.TextImportSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Recent group: persisted through the settings file, missing files, removal, reopening. */
class RecentDatasetsViewModelTest {

  @TempDir
  Path dir;

  /** The store MainWindow gives the group: the app settings, saved on every change. */
  private RecentDatasetsViewModel.Store settingsStore(SettingsStore store) {
    return new RecentDatasetsViewModel.Store() {
      @Override
      public List<RecentDataset> load() {
        return store.load().recentDatasets();
      }

      @Override
      public void save(List<RecentDataset> datasets) {
        try {
          store.save(store.load().withRecentDatasets(datasets));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  @Test
  void anImportedDatasetIsListedAgainAfterARestartWithItsSettings() throws IOException {
    Path csv = Files.writeString(dir.resolve("reviews.csv"), "review,sentiment\nfine,positive\n");
    SettingsStore store = new SettingsStore(dir.resolve("config"));
    TextImportSettings settings = TextImportSettings.defaults(csv)
        .withColumns(new ColumnMapping("review", "sentiment", null, null, null)).withSeed(4);
    new RecentDatasetsViewModel(settingsStore(store)).remember(settings);

    RecentDatasetsViewModel next = new RecentDatasetsViewModel(settingsStore(store));
    assertEquals(1, next.items().size());
    RecentDatasetsViewModel.RecentItem item = next.items().get(0);
    assertEquals("reviews.csv", item.label());
    assertFalse(item.missing());
    List<TextImportSettings> opened = new ArrayList<>();
    next.setOnOpen(opened::add);
    assertTrue(next.open(item));
    assertEquals(List.of(settings.withFile(csv.toAbsolutePath().normalize())), opened);
  }

  @Test
  void aMissingFileIsMarkedNeverOpenedAndCanBeRemoved() throws IOException {
    Path gone = dir.resolve("gone.csv");
    Path here = Files.writeString(dir.resolve("here.csv"), "text,label\na,0\n");
    SettingsStore store = new SettingsStore(dir.resolve("config"));
    RecentDatasetsViewModel recent = new RecentDatasetsViewModel(settingsStore(store));
    recent.remember(TextImportSettings.defaults(here));
    recent.remember(TextImportSettings.defaults(gone));
    assertEquals(List.of("gone.csv \u2014 file not found", "here.csv"),
        recent.items().stream().map(RecentDatasetsViewModel.RecentItem::label).toList());
    List<TextImportSettings> opened = new ArrayList<>();
    recent.setOnOpen(opened::add);
    recent.setOnEdit(opened::add);
    assertFalse(recent.open(recent.items().get(0)));
    recent.edit(recent.items().get(0));
    assertTrue(opened.isEmpty());

    recent.remove(recent.items().get(0));
    assertEquals(List.of(here.toAbsolutePath().normalize().toString()),
        store.load().recentDatasets().stream().map(RecentDataset::file).toList());
    assertEquals(1, recent.items().size());
  }

  @Test
  void aFileThatComesBackIsFoundOnTheNextRead() throws IOException {
    Path later = dir.resolve("later.tsv");
    RecentDatasetsViewModel recent = new RecentDatasetsViewModel(
        settingsStore(new SettingsStore(dir.resolve("config"))));
    recent.remember(TextImportSettings.defaults(later));
    assertTrue(recent.items().get(0).missing());
    Files.writeString(later, "text\tlabel\nx\t1\n");
    assertFalse(recent.open(recent.items().get(0)), "listed as missing: not opened");
    assertFalse(recent.items().get(0).missing(), "the failed open read the list again");
  }

  @Test
  void anEntryWithAnInvalidPathIsListedAsMissingInsteadOfFailingTheStart() {
    AppSettings[] settings = {AppSettings.defaults().withRecentDatasets(List.of(
        new RecentDataset("bad\u0000name.csv", null, null, null, null, null, null, null, null,
            null, null, null, null, null, null)))};
    RecentDatasetsViewModel recent = new RecentDatasetsViewModel(
        new RecentDatasetsViewModel.Store() {
          @Override
          public List<RecentDataset> load() {
            return settings[0].recentDatasets();
          }

          @Override
          public void save(List<RecentDataset> datasets) {
            settings[0] = settings[0].withRecentDatasets(datasets);
          }
        });
    assertTrue(recent.items().get(0).missing());
    recent.remove(recent.items().get(0));
    assertTrue(settings[0].recentDatasets().isEmpty());
  }
}
