package io.gradlens.app.settings;

import java.util.List;

/**
 * Everything the workbench remembers between runs. Immutable; use the {@code with…} methods.
 *
 * @param window main window geometry, or {@code null} when never saved
 * @param dividerPositions divider positions of the main split pane (may be empty)
 * @param recentFiles recently opened files, most recent first
 */
public record AppSettings(WindowGeometry window, double[] dividerPositions, List<String> recentFiles) {

  /** Copies the arrays/lists and replaces nulls by empties. */
  public AppSettings {
    dividerPositions = dividerPositions == null ? new double[0] : dividerPositions.clone();
    recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
  }

  /** @return settings of a first run */
  public static AppSettings defaults() {
    return new AppSettings(null, new double[0], List.of());
  }

  @Override
  public double[] dividerPositions() {
    return dividerPositions.clone();
  }

  /** @return a copy with another window geometry */
  public AppSettings withWindow(WindowGeometry geometry) {
    return new AppSettings(geometry, dividerPositions, recentFiles);
  }

  /** @return a copy with other divider positions */
  public AppSettings withDividerPositions(double[] positions) {
    return new AppSettings(window, positions, recentFiles);
  }

  /** @return a copy with another recent-files list */
  public AppSettings withRecentFiles(List<String> files) {
    return new AppSettings(window, dividerPositions, files);
  }
}
