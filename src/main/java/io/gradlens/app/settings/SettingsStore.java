package io.gradlens.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradlens.app.export.AtomicFileWriter;
import io.gradlens.format.AtomicFile;
import io.gradlens.install.AppDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads and saves {@link AppSettings} as {@code settings.json}, and the last session's
 * {@link SessionState} as {@code session.json}, in a directory: by default
 * {@code $XDG_CONFIG_HOME/gradlens/} (once {@code ~/.gradlens/}, moved there at start-up), overridable with the system property {@value #HOME_PROPERTY} or the
 * constructor (tests). A missing or unreadable file yields defaults (and a log line), an
 * unreadable recent dataset is dropped alone; saving is atomic.
 */
public final class SettingsStore {

  /** System property naming the settings directory. */
  public static final String HOME_PROPERTY = AppDirectories.CONFIG_PROPERTY;

  private static final String RECENT_DATASETS = "recentDatasets";
  private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());

  private final Path file;
  private final Path sessionFile;
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** @param directory directory that holds {@code settings.json} */
  public SettingsStore(Path directory) {
    this.file = directory.resolve("settings.json");
    this.sessionFile = directory.resolve("session.json");
  }

  /** @return a store in {@code $gradlens.home}, else the XDG config folder ({@link AppDirectories#config()}) */
  public static SettingsStore atDefaultLocation() {
    return new SettingsStore(AppDirectories.current().config());
  }

  /** @return the settings file */
  public Path file() {
    return file;
  }

  /** @return the saved settings, or defaults when there are none or they cannot be read */
  public AppSettings load() {
    JsonNode tree = read(file, JsonNode.class, null, "settings");
    if (tree == null || !tree.isObject()) {
      return AppSettings.defaults();
    }
    JsonNode recent = ((ObjectNode) tree).remove(RECENT_DATASETS);
    try {
      AppSettings loaded = mapper.treeToValue(tree, AppSettings.class);
      return (loaded == null ? AppSettings.defaults() : loaded)
          .withRecentDatasets(recentDatasets(recent));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Ignoring unreadable settings file " + file, e);
      return AppSettings.defaults();
    }
  }

  /** @return the last session's state, or {@link SessionState#none()} when none can be read */
  public SessionState loadSession() {
    return read(sessionFile, SessionState.class, SessionState.none(), "session");
  }

  /** Reads {@code from}; a missing, empty or damaged file gives {@code fallback} and a log line. */
  private <T> T read(Path from, Class<T> type, T fallback, String what) {
    if (!Files.isRegularFile(from)) {
      return fallback;
    }
    try {
      T loaded = mapper.readValue(from.toFile(), type);
      return loaded == null ? fallback : loaded;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Ignoring unreadable " + what + " file " + from, e);
      return fallback;
    }
  }

  /** Saves the session's state atomically ({@link AtomicFile}). */
  public void saveSession(SessionState session) throws IOException {
    AtomicFile.write(sessionFile, mapper.writeValueAsBytes(session));
  }

  /**
   * The remembered datasets, each read on its own: an entry that does not read (a wrong type, a
   * hand edit) is dropped with a warning instead of costing the window geometry and the others.
   */
  private List<RecentDataset> recentDatasets(JsonNode array) {
    List<RecentDataset> read = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return read;
    }
    for (JsonNode element : array) {
      try {
        RecentDataset dataset = mapper.treeToValue(element, RecentDataset.class);
        if (dataset != null && dataset.hasFile()) {
          read.add(dataset);
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Ignoring an unreadable recent dataset in " + file + ": " + element, e);
      }
    }
    return read;
  }

  /** Saves atomically. */
  public void save(AppSettings settings) throws IOException {
    byte[] json = mapper.writeValueAsBytes(settings);
    AtomicFileWriter.write(file, out -> out.write(json));
  }
}
