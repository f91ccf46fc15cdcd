package io.gradlens.app.gui;

import io.gradlens.util.CancellationToken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The JavaFX-backed runner: threads, callbacks, cancellation, activity. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerGuiTest {

  private final FxTaskRunner runner = new FxTaskRunner();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    // No window needed; the extension starts the toolkit.
  }

  private TaskCallbacks<String> record(CountDownLatch done) {
    return new TaskCallbacks<>(
        r -> events.add("success:" + r + ":" + Platform.isFxApplicationThread()),
        e -> events.add("failure:" + e.getMessage() + ":" + Platform.isFxApplicationThread()),
        () -> {
          events.add("finally");
          done.countDown();
        });
  }

  @Test
  void computesOffTheFxThreadAndDeliversOnIt() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Fx.get(() -> runner.submit("work", (p, c) -> {
      p.progress(1, 2, "half");
      return "fx=" + Platform.isFxApplicationThread() + ",daemon="
          + Thread.currentThread().isDaemon();
    }, record(done)));
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("success:fx=false,daemon=true:true", "finally"), events);
    Fx.waitUntil(5, "idle", () -> !runner.activity().busyProperty().get());
  }

  @Test
  void failuresAreDeliveredButCancellationIsNot() throws Exception {
    CountDownLatch failed = new CountDownLatch(1);
    runner.submit("fail", (p, c) -> {
      throw new IllegalStateException("boom");
    }, record(failed));
    assertTrue(failed.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("failure:boom:true", "finally"), events);

    events.clear();
    CountDownLatch cancelled = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch observed = new CountDownLatch(1);
    TaskHandle handle = Fx.get(() -> runner.submit("slow", (p, c) -> {
      running.countDown();
      while (!c.isCancelled()) {
        Thread.sleep(5);
      }
      observed.countDown();
      throw new CancellationToken.CancelledException();
    }, record(cancelled)));
    assertTrue(running.await(5, TimeUnit.SECONDS));
    Fx.waitUntil(5, "busy", () -> runner.activity().busyProperty().get());
    Fx.get(() -> {
      runner.activity().cancelCurrent();
      return null;
    });
    assertTrue(observed.await(5, TimeUnit.SECONDS), "work saw the token");
    assertTrue(cancelled.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("finally"), events);
    assertTrue(handle.isDone());
    Fx.waitUntil(5, "idle", () -> !runner.activity().busyProperty().get());
    assertFalse(Fx.get(() -> runner.activity().busyProperty().get()));
  }
}
