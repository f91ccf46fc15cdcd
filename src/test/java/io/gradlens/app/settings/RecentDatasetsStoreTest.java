package io.gradlens.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembered datasets in the settings file: round trip, most-recent order, bad entries. */
class RecentDatasetsStoreTest {

  @TempDir
  Path dir;

  private static RecentDataset csv(String file) {
    return new RecentDataset(file, "CSV", ";", "review", "sentiment", null, "uid", null,
        List.of("bad", "good"), "FIRST_APPEARANCE", false, true, 64, 0.3, 11L);
  }

  @Test
  void recentDatasetsRoundTripWithEveryField() throws IOException {
    SettingsStore store = new SettingsStore(dir);
    AppSettings saved = AppSettings.defaults().withRecentFiles(List.of("/m.gradlens"))
        .withRecentDatasets(List.of(csv("/data/a.csv"), new RecentDataset("/data/b.jsonl",
            "JSONL", null, "text", "label", "mask", null, "split", null, null, null, null, null,
            null, null)));
    store.save(saved);
    AppSettings loaded = store.load();
    assertEquals(saved.recentDatasets(), loaded.recentDatasets());
    assertEquals(List.of("/m.gradlens"), loaded.recentFiles());
  }

  @Test
  void anUnreadableEntryIsDroppedAloneAndTheRestOfTheSettingsStay() throws IOException {
    Files.writeString(dir.resolve("settings.json"), """
        {"window": {"x": 10, "y": 20, "width": 800, "height": 600, "maximized": false},
         "recentFiles": ["/a.csv"],
         "recentDatasets": [
           {"file": "/data/good.csv", "format": "CSV", "maxTokens": 12},
           {"file": "/data/bad.csv", "maxTokens": "many"},
           {"format": "TSV"},
           "not an object",
           {"file": "/data/also-good.tsv", "format": "NO-SUCH-FORMAT", "seed": 5}
         ]}
        """);
    AppSettings loaded = new SettingsStore(dir).load();
    assertEquals(800, loaded.window().width(), 0);
    assertEquals(List.of("/a.csv"), loaded.recentFiles());
    assertEquals(List.of("/data/good.csv", "/data/also-good.tsv"),
        loaded.recentDatasets().stream().map(RecentDataset::file).toList());
    assertEquals(12, loaded.recentDatasets().get(0).maxTokens());
  }

  @Test
  void recentDatasetsThatAreNotAListReadAsNone() throws IOException {
    Files.writeString(dir.resolve("settings.json"),
        "{\"recentFiles\": [\"/x.csv\"], \"recentDatasets\": 42}");
    AppSettings loaded = new SettingsStore(dir).load();
    assertEquals(List.of(), loaded.recentDatasets());
    assertEquals(List.of("/x.csv"), loaded.recentFiles());
  }

  @Test
  void touchPutsTheNewestFirstReplacesTheSameFileAndCaps() {
    List<RecentDataset> list = RecentDatasets.touch(List.of(), csv("/a.csv"));
    list = RecentDatasets.touch(list, csv("/b.csv"));
    RecentDataset again = new RecentDataset("/a.csv", "TSV", "\t", "t", "l", null, null, null,
        null, null, null, null, null, null, null);
    list = RecentDatasets.touch(list, again);
    assertEquals(List.of(again, csv("/b.csv")), list);
    for (int i = 0; i < 2 * RecentDatasets.MAX; i++) {
      list = RecentDatasets.touch(list, csv("/f" + i + ".csv"));
    }
    assertEquals(IntStream.range(0, RecentDatasets.MAX).mapToObj(i ->
        "/f" + (2 * RecentDatasets.MAX - 1 - i) + ".csv").toList(),
        list.stream().map(RecentDataset::file).toList());
    assertEquals(List.of(csv("/b.csv")),
        RecentDatasets.remove(List.of(again, csv("/b.csv")), "/a.csv"));
  }
}
