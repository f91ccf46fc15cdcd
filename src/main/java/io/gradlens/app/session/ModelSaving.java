package io.gradlens.app.session;

import io.gradlens.app.FilePrompt;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saves models as {@code .gradlens} bundles in the background (File ▸ Save model…, and Save all…
 * on quit), and remembers which trained models were saved ({@link UnsavedModels}).
 */
public final class ModelSaving {

  private static final List<FileChooser.ExtensionFilter> BUNDLE =
      List.of(new FileChooser.ExtensionFilter("GradLens model", "*.gradlens"));

  private final WorkspaceService workspace;
  private final TaskRunner runner;
  private final FilePrompt prompt;
  private final ErrorReporter errors;
  private final Supplier<Window> owner;
  private final Consumer<Path> onSaved;
  private final UnsavedModels unsaved = new UnsavedModels();

  /**
   * @param workspace writes the bundles
   * @param runner background runner
   * @param prompt asks for the files
   * @param errors reports a failed save
   * @param owner the main window
   * @param onSaved runs with each written file (recent files)
   */
  public ModelSaving(WorkspaceService workspace, TaskRunner runner, FilePrompt prompt,
      ErrorReporter errors, Supplier<Window> owner, Consumer<Path> onSaved) {
    this.workspace = workspace;
    this.runner = runner;
    this.prompt = prompt;
    this.errors = errors;
    this.owner = owner;
    this.onSaved = onSaved;
  }

  /** @return the trained models among {@code entries} that were not saved in this session */
  public List<WorkspaceEntry> unsaved(List<WorkspaceEntry> entries) {
    return unsaved.among(entries);
  }

  /** Asks for a file and saves {@code model} there in the background. */
  public void save(WorkspaceEntry model) {
    saveAllThenRun(List.of(model), () -> { });
  }

  /**
   * Asks for a file for each model (in turn; giving one up saves nothing), then saves them all in
   * the background and runs {@code then}; a failed save is reported and {@code then} does not run.
   */
  public void saveAllThenRun(List<WorkspaceEntry> models, Runnable then) {
    List<Path> files = new ArrayList<>();
    for (WorkspaceEntry model : models) {
      var file = prompt.save(owner.get(), models.size() == 1 ? "Save model"
          : "Save " + model.name(), bundleName(model), BUNDLE);
      if (file.isEmpty()) {
        return;
      }
      files.add(file.get());
    }
    String title = models.size() == 1 ? "Save " + files.get(0).getFileName()
        : "Save " + models.size() + " trained models";
    runner.submit(title, (progress, cancel) -> {
      for (int i = 0; i < models.size(); i++) {
        workspace.saveModel(models.get(i), files.get(i), progress, cancel);
      }
      return files;
    }, TaskCallbacks.of(saved -> {
      models.forEach(m -> unsaved.markSaved(m.id()));
      saved.forEach(onSaved);
      then.run();
    }, e -> errors.report(models.size() == 1 ? "Save model" : "Save models", e)));
  }

  /** The file name a model is offered to be saved under: its name, made safe, {@code .gradlens}. */
  static String bundleName(WorkspaceEntry model) {
    String name = model.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".gradlens";
    return name.endsWith(".gradlens.gradlens") ? name.substring(0, name.length() - 9) : name;
  }
}
