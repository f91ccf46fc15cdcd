package io.gradlens.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiBatcherTest {

  @Test
  void coalescesUntilDrained() {
    List<Runnable> pending = new ArrayList<>();
    List<List<Integer>> batches = new ArrayList<>();
    UiBatcher<Integer> b = new UiBatcher<>(pending::add, batches::add);
    b.add(1);
    b.add(2);
    b.add(3);
    assertEquals(1, pending.size(), "one drain scheduled for many items");
    pending.remove(0).run();
    assertEquals(List.of(List.of(1, 2, 3)), batches);
    b.add(4);
    assertEquals(1, pending.size());
    pending.remove(0).run();
    assertEquals(List.of(4), batches.get(1));
  }
}
