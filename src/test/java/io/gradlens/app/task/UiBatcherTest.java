package io.gradlens.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UiBatcherTest {

  private record Scheduled(long delay, Runnable action) { }

  @Test
  void coalescesAndThrottles() {
    List<Scheduled> pending = new ArrayList<>();
    List<List<Integer>> batches = new ArrayList<>();
    AtomicLong now = new AtomicLong(1_000);
    UiBatcher<Integer> b = new UiBatcher<>((d, a) -> pending.add(new Scheduled(d, a)),
        batches::add, 100, now::get);
    b.add(1);
    b.add(2);
    b.add(3);
    assertEquals(1, pending.size(), "one delivery scheduled for many items");
    assertEquals(0, pending.get(0).delay(), "first delivery is immediate");
    pending.remove(0).action().run();
    assertEquals(List.of(List.of(1, 2, 3)), batches);

    now.addAndGet(30);
    b.add(4);
    assertEquals(1, pending.size());
    assertEquals(70, pending.get(0).delay(), "next delivery waits for the interval");
    b.add(5);
    assertEquals(1, pending.size());
    now.addAndGet(70);
    pending.remove(0).action().run();
    assertEquals(List.of(4, 5), batches.get(1));
  }
}
