package io.gradlens.app.settings;

import java.util.ArrayList;
import java.util.List;

/** Pure most-recently-used list logic. */
public final class RecentFiles {

  /** Maximum number of remembered files. */
  public static final int MAX = 10;

  private RecentFiles() {
  }

  /**
   * @return {@code current} with {@code file} moved (or added) to the front, without duplicates,
   *     capped at {@link #MAX}
   */
  public static List<String> touch(List<String> current, String file) {
    List<String> next = new ArrayList<>(current.size() + 1);
    next.add(file);
    for (String f : current) {
      if (!f.equals(file) && next.size() < MAX) {
        next.add(f);
      }
    }
    return List.copyOf(next);
  }
}
