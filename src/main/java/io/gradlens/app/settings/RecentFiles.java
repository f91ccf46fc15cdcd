package io.gradlens.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
    return touch(current, file, f -> f, MAX);
  }

  /**
   * @return {@code current} with {@code item} at the front, without other items of the same key,
   *     capped at {@code max}
   */
  static <T> List<T> touch(List<T> current, T item, Function<T, ?> key, int max) {
    Object itemKey = key.apply(item);
    List<T> next = new ArrayList<>(current.size() + 1);
    next.add(item);
    for (T other : current) {
      if (!key.apply(other).equals(itemKey) && next.size() < max) {
        next.add(other);
      }
    }
    return List.copyOf(next);
  }
}
