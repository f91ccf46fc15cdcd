package io.gradlens.app.settings;

import java.util.List;

/**
 * Everything the workbench remembers between runs. Immutable; use the {@code with…} methods.
 *
 * @param window main window geometry, or {@code null} when never saved
 * @param dividerPositions divider positions of the main split pane (may be empty)
 * @param recentFiles recently opened files, most recent first
 * @param recentDatasets imported dataset files with their import settings, most recent first
 *     (the workspace panel's Recent group)
 */
public record AppSettings(WindowGeometry window, double[] dividerPositions, List<String> recentFiles,
    List<RecentDataset> recentDatasets) {

  /** Copies the arrays/lists and replaces nulls by empties; drops recent datasets without a file. */
  public AppSettings {
    dividerPositions = dividerPositions == null ? new double[0] : dividerPositions.clone();
    recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    recentDatasets = recentDatasets == null ? List.of() : recentDatasets.stream()
        .filter(d -> d != null && d.hasFile()).toList();
  }

  /** Settings without recent datasets (as written before they were remembered). */
  public AppSettings(WindowGeometry window, double[] dividerPositions, List<String> recentFiles) {
    this(window, dividerPositions, recentFiles, List.of());
  }

  /** @return settings of a first run */
  public static AppSettings defaults() {
    return new AppSettings(null, new double[0], List.of(), List.of());
  }

  @Override
  public double[] dividerPositions() {
    return dividerPositions.clone();
  }

  /** @return a copy with another window geometry */
  public AppSettings withWindow(WindowGeometry geometry) {
    return new AppSettings(geometry, dividerPositions, recentFiles, recentDatasets);
  }

  /** @return a copy with other divider positions */
  public AppSettings withDividerPositions(double[] positions) {
    return new AppSettings(window, positions, recentFiles, recentDatasets);
  }

  /** @return a copy with another recent-files list */
  public AppSettings withRecentFiles(List<String> files) {
    return new AppSettings(window, dividerPositions, files, recentDatasets);
  }

  /** @return a copy with another recent-datasets list */
  public AppSettings withRecentDatasets(List<RecentDataset> datasets) {
    return new AppSettings(window, dividerPositions, recentFiles, datasets);
  }
}
