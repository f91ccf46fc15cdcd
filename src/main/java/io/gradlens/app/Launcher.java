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
    Application.launch(GradLensApp.class, args);
  }
}
