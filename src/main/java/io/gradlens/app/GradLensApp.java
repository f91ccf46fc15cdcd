package io.gradlens.app;

import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Until the core is wired in it runs with {@link AppServices#unwired()}:
 * an honest empty workspace ("No model loaded — Open model…"), never fake data.
 *
 * <p>To wire the core, pass real implementations of
 * {@link io.gradlens.app.service.WorkspaceService},
 * {@link io.gradlens.app.service.TextSaliencyService} and
 * {@link io.gradlens.app.service.TrainingService} as {@link AppServices}; the Training and
 * Saliency tabs appear only when their service is present.
 */
public final class GradLensApp extends Application {

  @Override
  public void start(Stage stage) {
    new MainWindow(AppServices.unwired(), SettingsStore.atDefaultLocation(), new FxTaskRunner(),
        new FxFilePrompt()).show(stage);
  }
}
