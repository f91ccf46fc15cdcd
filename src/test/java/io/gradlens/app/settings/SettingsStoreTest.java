package io.gradlens.app.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  @TempDir
  Path dir;

  @Test
  void missingFileGivesDefaults() {
    AppSettings s = new SettingsStore(dir).load();
    assertNull(s.window());
    assertEquals(0, s.dividerPositions().length);
    assertEquals(List.of(), s.recentFiles());
  }

  @Test
  void roundTrip() throws IOException {
    SettingsStore store = new SettingsStore(dir.resolve("nested"));
    AppSettings saved = AppSettings.defaults()
        .withWindow(new WindowGeometry(10, 20, 800, 600, false))
        .withDividerPositions(new double[] {0.3})
        .withRecentFiles(List.of("/a.csv", "/b.model"));
    store.save(saved);
    AppSettings loaded = new SettingsStore(dir.resolve("nested")).load();
    assertEquals(saved.window(), loaded.window());
    assertArrayEquals(new double[] {0.3}, loaded.dividerPositions());
    assertEquals(saved.recentFiles(), loaded.recentFiles());
  }

  @Test
  void corruptFileGivesDefaults() throws IOException {
    Files.writeString(dir.resolve("settings.json"), "{ not json");
    assertEquals(List.of(), new SettingsStore(dir).load().recentFiles());
  }

  @Test
  void locationOverridableBySystemProperty() {
    String old = System.getProperty(SettingsStore.HOME_PROPERTY);
    System.setProperty(SettingsStore.HOME_PROPERTY, dir.toString());
    try {
      assertEquals(dir.resolve("settings.json"), SettingsStore.atDefaultLocation().file());
    } finally {
      if (old == null) {
        System.clearProperty(SettingsStore.HOME_PROPERTY);
      } else {
        System.setProperty(SettingsStore.HOME_PROPERTY, old);
      }
    }
  }

  @Test
  void geometryUsability() {
    assertEquals(false, new WindowGeometry(0, 0, 10, 10, false).isUsable());
    assertEquals(false, new WindowGeometry(Double.NaN, 0, 800, 600, false).isUsable());
    assertEquals(true, new WindowGeometry(0, 0, 800, 600, false).isUsable());
  }
}
