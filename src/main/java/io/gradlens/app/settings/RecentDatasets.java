package io.gradlens.app.settings;

import java.util.List;

/** Pure most-recently-used logic of the imported datasets, keyed by file path. */
public final class RecentDatasets {

  /** Most remembered datasets. */
  public static final int MAX = 10;

  private RecentDatasets() {
  }

  /**
   * @return {@code current} with {@code dataset} at the front, replacing an older entry of the
   *     same file (its settings may have changed), capped at {@link #MAX}
   */
  public static List<RecentDataset> touch(List<RecentDataset> current, RecentDataset dataset) {
    return RecentFiles.touch(current, dataset, RecentDataset::file, MAX);
  }

  /** @return {@code current} without the entry of {@code file} */
  public static List<RecentDataset> remove(List<RecentDataset> current, String file) {
    return current.stream().filter(d -> !d.file().equals(file)).toList();
  }
}
