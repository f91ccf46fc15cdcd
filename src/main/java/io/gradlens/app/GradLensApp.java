package io.gradlens.app;

import io.gradlens.app.core.CoreServices;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application, wired to the GradLens core. It shows the window first and then, in the
 * background, restores the last session's dataset, model and tab ({@link MainWindow#resumeSession})
 * or, on a first start, opens the built-in {@code sentences} dataset with the shipped sentiment
 * LSTM (when {@code assets/models} has it), so the first frame never waits for ND4J or a model.
 *
 * <p>System properties: {@code gradlens.models} (folder of shipped bundles, default
 * {@code assets/models}), {@code gradlens.startDataset} / {@code gradlens.startModel} (workspace
 * ids opened at start instead of the last session; empty to open nothing).
 */
public final class GradLensApp extends Application {

  private static final Logger LOG = Logger.getLogger(GradLensApp.class.getName());
  /** Dataset opened at start. */
  public static final String START_DATASET = "builtin:sentences";
  /** Model selected at start. */
  public static final String START_MODEL = "shipped:sentiment-lstm";

  @Override
  public void start(Stage stage) {
    long entered = System.currentTimeMillis()
        - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.info(() -> "JavaFX started the application " + entered + " ms after the JVM started");
    CoreWorkspace workspace = new CoreWorkspace(CoreWorkspace.defaultModelsDir());
    MainWindow window = new MainWindow(CoreServices.of(workspace),
        SettingsStore.atDefaultLocation(), new FxTaskRunner(), new FxFilePrompt());
    window.show(stage);
    long shown = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.info(() -> "window built and shown " + shown + " ms after the JVM started");
    // Heavy work (ND4J, the model, saliency) starts in the background after the first frame.
    // Explicit start ids (screenshots, tests) win; otherwise the last session is restored.
    String dataset = System.getProperty("gradlens.startDataset");
    String model = System.getProperty("gradlens.startModel");
    afterFirstFrame(stage.getScene(), () -> {
      if (dataset != null || model != null) {
        window.openAtStart(dataset == null ? START_DATASET : dataset,
            model == null ? START_MODEL : model);
      } else {
        window.resumeSession(START_DATASET, START_MODEL);
      }
    });
  }

  /**
   * Logs, once, the time from the JVM's start to the end of the first layout pulse, then runs
   * {@code next} on the FX thread.
   */
  static void afterFirstFrame(Scene scene, Runnable next) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      scene.removePostLayoutPulseListener(once[0]);
      long ms = System.currentTimeMillis() - jvmStart;
      LOG.info(() -> "first frame " + ms + " ms after the JVM started");
      System.setProperty("gradlens.firstFrameMillis", Long.toString(ms));
      javafx.application.Platform.runLater(next);
    };
    scene.addPostLayoutPulseListener(once[0]);
  }
}
