package io.gradlens.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskActivityTest {

  private static final class Handle implements TaskHandle {
    boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean isDone() {
      return false;
    }
  }

  @Test
  void showsMostRecentTaskAndCancelsIt() {
    TaskActivity a = new TaskActivity();
    Handle first = new Handle();
    Handle second = new Handle();
    a.started(first, "Training");
    a.started(second, "Saliency");
    a.progressed(second, 0.5, "token 3");
    assertTrue(a.busyProperty().get());
    assertEquals("Saliency \u2014 token 3", a.messageProperty().get());
    assertEquals(0.5, a.progressProperty().get());
    a.cancelCurrent();
    assertTrue(second.cancelled);
    assertFalse(first.cancelled);
    a.finished(second);
    assertEquals("Training", a.messageProperty().get());
    a.finished(first);
    assertFalse(a.busyProperty().get());
    assertEquals("Ready", a.messageProperty().get());
  }
}
