package io.gradlens.app.session;

import io.gradlens.app.settings.WindowGeometry;
import java.util.List;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where it was, when that is sensible on the current screens
 * ({@link WindowGeometry#fits}), and tells which geometry to save at quit.
 */
public final class WindowPlacement {

  private WindowPlacement() {
  }

  /**
   * Places {@code stage} at {@code saved}, or at {@code width}×{@code height} (at most 90 % of the
   * primary screen) centred on it when {@code saved} is missing, tiny or off screen.
   */
  public static void restore(Stage stage, WindowGeometry saved, double width, double height) {
    WindowGeometry g = WindowGeometry.restore(saved, screens(), area(Screen.getPrimary()), width,
        height);
    stage.setX(g.x());
    stage.setY(g.y());
    stage.setWidth(g.width());
    stage.setHeight(g.height());
    stage.setMaximized(g == saved && g.maximized());
  }

  /**
   * @return the geometry to save for {@code stage}: its own when it could be restored, else
   *     {@code before} when that could, else {@code null}
   */
  public static WindowGeometry toSave(Stage stage, WindowGeometry before) {
    WindowGeometry now = new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(),
        stage.getHeight(), stage.isMaximized());
    List<WindowGeometry.Area> screens = screens();
    return now.fits(screens) ? now : before != null && before.fits(screens) ? before : null;
  }

  private static List<WindowGeometry.Area> screens() {
    return Screen.getScreens().stream().map(WindowPlacement::area).toList();
  }

  private static WindowGeometry.Area area(Screen screen) {
    var b = screen.getVisualBounds();
    return new WindowGeometry.Area(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
  }
}
