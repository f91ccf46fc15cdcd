package io.gradlens.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentFilesTest {

  @Test
  void mostRecentFirstWithoutDuplicates() {
    List<String> l = RecentFiles.touch(List.of(), "a");
    l = RecentFiles.touch(l, "b");
    l = RecentFiles.touch(l, "a");
    assertEquals(List.of("a", "b"), l);
  }

  @Test
  void capped() {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      l = RecentFiles.touch(l, "f" + i);
    }
    assertEquals(RecentFiles.MAX, l.size());
    assertEquals("f14", l.get(0));
  }
}
