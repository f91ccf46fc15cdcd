package io.gradlens.app;

import javafx.application.Application;

/**
 * Plain main class for {@code mvn javafx:run} and fat jars: JavaFX is on the classpath, so the
 * main class must not extend {@link Application} itself.
 */
public final class Launcher {

  private Launcher() {
  }

  /** Starts the workbench. */
  public static void main(String[] args) {
    // The workbench never opens AWT windows (charts render to JavaFX, exports to images and
    // SVG). Without this, the first use of java.awt starts AWT's own X11 thread beside JavaFX's
    // GTK one, and the two Xlib users crash the JVM now and then.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    io.gradlens.install.Startup.initialise();
    Application.launch(GradLensApp.class, args);
  }
}
