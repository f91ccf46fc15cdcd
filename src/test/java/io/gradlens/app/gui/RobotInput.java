package io.gradlens.app.gui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

/** What a user does with the mouse and keyboard to combo boxes and text fields, for GUI tests. */
final class RobotInput {

  private RobotInput() {
  }

  /** Opens a combo box with the mouse and clicks the entry that reads {@code text}. */
  static void choose(FxRobot robot, String comboId, String text) {
    robot.clickOn(comboId);
    Node cell = Fx.get(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
        .filter(n -> n.isVisible() && text.equals(((Labeled) n).getText())).findFirst()
        .orElseThrow(() -> new AssertionError("no entry \"" + text + "\" in " + comboId)));
    robot.clickOn(cell);
  }

  /** Replaces the text of a field (or a spinner's {@code .text-field}) by typing {@code value}. */
  static void retype(FxRobot robot, String fieldQuery, String value) {
    robot.doubleClickOn(fieldQuery);
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write(value);
  }
}
