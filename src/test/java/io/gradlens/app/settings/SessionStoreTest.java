package io.gradlens.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session file beside the settings: round trip, damaged files, atomic writes. */
class SessionStoreTest {

  @TempDir
  Path dir;

  private static final SessionState SESSION = new SessionState("file:/data/reviews.csv",
      "/data/reviews.csv", "shipped:sentiment-lstm", null, "tab-saliency",
      new SessionState.SaliencySettings("INTEGRATED_GRADIENTS", "L2", 64, 20, 0.25, false));

  @Test
  void aSessionComesBackAsItWasSavedAndLeavesNoTemporaryFile() throws IOException {
    SettingsStore store = new SettingsStore(dir.resolve("config"));
    store.saveSession(SESSION);
    assertEquals(SESSION, new SettingsStore(dir.resolve("config")).loadSession());
    try (var files = Files.list(dir.resolve("config"))) {
      assertEquals(List.of("session.json"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void theSessionAndTheSettingsAreSeparateFiles() throws IOException {
    SettingsStore store = new SettingsStore(dir);
    store.save(AppSettings.defaults().withRecentFiles(List.of("/a.csv")));
    store.saveSession(SESSION);
    assertEquals(List.of("/a.csv"), store.load().recentFiles());
    assertEquals(SESSION, store.loadSession());
  }

  @Test
  void aMissingOrDamagedSessionFileIsNoSession() throws IOException {
    assertEquals(SessionState.none(), new SettingsStore(dir).loadSession());
    Files.writeString(dir.resolve("session.json"), "{\"datasetId\": [1, 2");
    assertEquals(SessionState.none(), new SettingsStore(dir).loadSession());
    Files.writeString(dir.resolve("session.json"), "null");
    assertEquals(SessionState.none(), new SettingsStore(dir).loadSession());
  }

  @Test
  void unknownFieldsOfANewerVersionAreIgnored() throws IOException {
    Files.writeString(dir.resolve("session.json"),
        "{\"datasetId\":\"builtin:mnist\",\"tab\":\"tab-data\",\"zoom\":3}");
    SessionState loaded = new SettingsStore(dir).loadSession();
    assertEquals("builtin:mnist", loaded.datasetId());
    assertEquals("tab-data", loaded.tab());
  }

  @Test
  void aSavedWindowIsRestoredOnlyWhenSensibleOnTheScreens() {
    List<WindowGeometry.Area> one = List.of(new WindowGeometry.Area(0, 0, 1920, 1080));
    WindowGeometry.Area primary = one.get(0);
    // The window: a window manager's 198x175 is too small to work in.
    WindowGeometry tiny = new WindowGeometry(100, 100, 198, 175, false);
    assertFalse(tiny.fits(one));
    WindowGeometry centred = WindowGeometry.restore(tiny, one, primary, 1200, 800);
    assertEquals(new WindowGeometry(360, 140, 1200, 800, false), centred);
    // A good window is kept.
    WindowGeometry good = new WindowGeometry(50, 40, 1000, 700, true);
    assertTrue(good.fits(one));
    assertEquals(good, WindowGeometry.restore(good, one, primary, 1200, 800));
    // Saved on a second screen that is gone: less than 3/4 of it is visible.
    WindowGeometry offScreen = new WindowGeometry(1700, 100, 1000, 700, false);
    assertFalse(offScreen.fits(one));
    assertTrue(offScreen.fits(List.of(primary, new WindowGeometry.Area(1920, 0, 1920, 1080))),
        "2/3 on one screen is not enough, but the second screen holds 780/1000 of its width");
    // Exactly the minimum is fine; a pixel less is not; NaN never.
    assertTrue(new WindowGeometry(0, 0, 900, 600, false).fits(one));
    assertFalse(new WindowGeometry(0, 0, 899, 600, false).fits(one));
    assertFalse(new WindowGeometry(Double.NaN, 0, 1000, 700, false).fits(one));
    // On a small screen the default is 90 % of it, centred.
    WindowGeometry.Area small = new WindowGeometry.Area(0, 0, 1000, 700);
    assertEquals(new WindowGeometry(50, 35, 900, 630, false),
        WindowGeometry.restore(null, List.of(small), small, 1200, 800));
  }
}
