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

  /** Clicks the node {@code query} once the FX thread is idle. */
  static void click(FxRobot robot, String query) {
    settle();
    robot.clickOn(query);
  }

  /** Clicks the workspace tree's entry named {@code name}, once it is listed. */
  static void clickEntry(FxRobot robot, String name, int seconds) {
    settle();
    Fx.waitUntil(seconds, name + " listed", () -> robot.lookup("#workspace-tree .tree-cell")
        .queryAll().stream().anyMatch(c -> name.equals(entryName(c))));
    Node cell = Fx.get(() -> robot.lookup("#workspace-tree .tree-cell").queryAll().stream()
        .filter(c -> name.equals(entryName(c))).findFirst().orElseThrow());
    robot.clickOn(cell);
  }

  /** The entry name a tree cell shows ("mnist" of "mnist  (built-in)"). */
  private static String entryName(Node cell) {
    String text = ((TreeCell<?>) cell).getText();
    return text == null ? null : text.replaceFirst("\\s+\\(.*\\)$", "");
  }
}
