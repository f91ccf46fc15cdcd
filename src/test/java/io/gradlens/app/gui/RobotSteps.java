package io.gradlens.app.gui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Robot steps the real-core GUI tests share: clicking a workspace entry, clicking when idle. */
final class RobotSteps {

  private RobotSteps() {
  }

  /**
   * Waits (up to a minute) until the FX thread answers: on a loaded machine drawing a chart can
   * hold it for seconds, longer than the robot waits for the mouse position.
   */
  static void settle() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      try {
        WaitForAsyncUtils.asyncFx(() -> null).get(5, TimeUnit.SECONDS);
        return;
      } catch (TimeoutException e) {
        // still busy
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * {@code read} evaluated on the FX thread, waiting out (up to two minutes) an FX thread that a
   * loaded machine keeps busy for longer than {@link Fx#get} waits.
   */
  static <T> T read(java.util.concurrent.Callable<T> read) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() > end) {
          throw new AssertionError("the FX thread did not answer for two minutes", e);
        }
      } catch (Exception e) {
        throw new AssertionError("FX read failed", e);
      }
    }
  }

  /** Waits (up to {@code seconds}) until {@code condition}, read by {@link #read}, holds. */
  static void waitUntil(int seconds, String what, java.util.concurrent.Callable<Boolean> condition) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!read(condition)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Clicks the node {@code query} once the FX thread is idle. */
  static void click(FxRobot robot, String query) {
    settle();
    robot.clickOn(query);
  }

  /** Clicks the workspace tree's entry named {@code name}, once it is listed. */
  static void clickEntry(FxRobot robot, String name, int seconds) {
    settle();
    waitUntil(seconds, name + " listed", () -> robot.lookup("#workspace-tree .tree-cell")
        .queryAll().stream().anyMatch(c -> name.equals(entryName(c))));
    Node cell = read(() -> robot.lookup("#workspace-tree .tree-cell").queryAll().stream()
        .filter(c -> name.equals(entryName(c))).findFirst().orElseThrow());
    robot.clickOn(cell);
  }

  /** The entry name a tree cell shows ("mnist" of "mnist  (built-in)"). */
  private static String entryName(Node cell) {
    String text = ((TreeCell<?>) cell).getText();
    return text == null ? null : text.replaceFirst("\\s+\\(.*\\)$", "");
  }
}
