package io.gradlens.app;

import io.gradlens.app.core.CoreServices;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.workflow.training.Architecture;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Drives the real workbench through its views and saves a PNG of the window for each, for the
 * documentation ({@code tools/screenshots.sh} runs it under Xvfb). Usage:
 * {@code Screenshots <output folder>}.
 */
public final class Screenshots extends Application {

  private static final int TIMEOUT_SECONDS = 300;
  private static Path out;

  /** Plain main class (JavaFX on the classpath refuses an Application subclass as main class). */
  public static final class Run {
    private Run() {
    }

    /** Renders into {@code args[0]} (default {@code docs/screenshots}). */
    public static void main(String[] args) {
      Screenshots.main(args);
    }
  }

  /** Entry point: renders into {@code args[0]} (default {@code docs/screenshots}). */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    Application.launch(Screenshots.class);
  }

  @Override
  public void start(Stage stage) throws IOException {
    Files.createDirectories(out);
    Path home = Files.createTempDirectory("gradlens-shots");
    // Marks made for the fix-the-reasons shots go to a scratch folder, not ~/.gradlens/edits.
    MainWindow window = new MainWindow(CoreServices.of(new CoreWorkspace(
        CoreWorkspace.defaultModelsDir(), Files.createTempDirectory("gradlens-shots-edits"))),
        new SettingsStore(home), new FxTaskRunner(),
        new FxFilePrompt());
    window.show(stage);
    String[] size = System.getProperty("gradlens.shots.size", "1280x800").split("x");
    Thread script = new Thread(() -> {
      try {
        // After the window's own placement, which runs once more right after it is shown.
        fx(() -> {
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(Integer.parseInt(size[0]));
          stage.setHeight(Integer.parseInt(size[1]));
          return null;
        });
        run(window, stage);
        Platform.exit();
      } catch (Throwable t) {
        t.printStackTrace();
        System.exit(1);
      }
    }, "screenshots");
    script.setDaemon(true);
    script.start();
  }

  private static void run(MainWindow w, Stage stage) throws Exception {
    if ("fix-reasons".equals(System.getProperty("gradlens.shots"))) {
      fixReasons(w, stage);
      return;
    }
    fx(() -> {
      w.openAtStart(GradLensApp.START_DATASET, GradLensApp.START_MODEL);
      return null;
    });
    waitFor("saliency of the first sentence", () -> w.saliencyModel().resultProperty().get() != null
        && !w.saliencyModel().busyProperty().get() && !w.dataModel().rows().isEmpty()
        && w.dataModel().rows().get(0).hasPrediction());
    select(w, "Saliency");
    shot(stage, "saliency-text.png");
    select(w, "Data");
    shot(stage, "data.png");
    hiddenState(w, stage);
    influence(w, stage);

    select(w, "Saliency");
    WorkspaceEntry lstm = fx(() -> w.workbench().currentModelProperty().get());
    fx(() -> {
      w.saliencyModel().methodProperty().set(io.gradlens.app.service.SaliencyMethod.INTEGRATED_GRADIENTS);
      return null;
    });
    select(w, "Training");
    fx(() -> {
      var t = w.trainingModel();
      t.architectureProperty().set(Architecture.MLP);
      t.embeddingSizeProperty().set(32);
      t.hiddenSizeProperty().set(32);
      t.unitsProperty().set(32);
      t.epochsProperty().set(4);
      t.batchSizeProperty().set(32);
      t.learningRateProperty().set(0.005);
      t.start();
      return null;
    });
    waitFor("training", () -> !w.trainingModel().runningProperty().get()
        && w.trainingModel().epochMetrics().size() == 4);
    Thread.sleep(1500);
    shot(stage, "training.png");

    waitFor("trained model current", () -> w.workbench().currentModelProperty().get() != null
        && w.workbench().currentModelProperty().get().origin() == WorkspaceEntry.Origin.TRAINED);
    select(w, "Saliency");
    fx(() -> {
      w.saliencyModel().compareModelProperty().set(lstm);
      return null;
    });
    waitFor("compare", () -> w.saliencyModel().compareResultProperty().get() != null
        && !w.saliencyModel().busyProperty().get());
    shot(stage, "saliency-compare.png");
    fx(() -> {
      w.saliencyModel().compareModelProperty().set(null);
      w.saliencyModel().methodProperty().set(io.gradlens.app.service.SaliencyMethod.GRADIENT);
      return null;
    });

    WorkspaceEntry cnn = fx(() -> w.workspace().entries().stream()
        .filter(e -> e.name().equals("mnist-cnn")).findFirst().orElseThrow());
    fx(() -> {
      w.workspace().select(cnn);
      return null;
    });
    waitFor("image saliency", () -> {
      var r = w.saliencyModel().resultProperty().get();
      return r != null && r.isImage() && !w.saliencyModel().busyProperty().get();
    });
    shot(stage, "saliency-image.png");
    analysisShots(w, stage);
  }

  /** The Sensitivity tab on the shipped price model; the Sanity check tab on the current model. */
  private static void analysisShots(MainWindow w, Stage stage) throws Exception {
    select(w, "Sensitivity");
    waitFor("the example price model", () -> w.sensitivityModel().modelProperty().get() != null);
    fx(() -> {
      w.sensitivityModel().compute();
      return null;
    });
    waitFor("sensitivity", () -> w.sensitivityModel().resultProperty().get() != null
        && !w.sensitivityModel().busyProperty().get());
    shot(stage, "sensitivity.png");
    select(w, "Sanity check");
    fx(() -> {
      w.sanityModel().run();
      return null;
    });
    waitFor("sanity check", () -> w.sanityModel().resultProperty().get() != null
        && !w.sanityModel().busyProperty().get());
    shot(stage, "sanity.png");
  }

  /** The Influence tab on the first test sentence, then its dataset mode with suspects ranked. */
  private static void influence(MainWindow w, Stage stage) throws Exception {
    select(w, "Influence");
    waitFor("influence", () -> w.influenceModel().resultProperty().get() != null
        && !w.influenceModel().busyProperty().get());
    shot(stage, "influence.png");
    fx(() -> {
      ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#influence-mode-dataset"))
          .setSelected(true);
      w.mislabelModel().rank();
      return null;
    });
    waitFor("suspected mislabels", () -> !w.mislabelModel().suspects().isEmpty()
        && !w.mislabelModel().busyProperty().get());
    shot(stage, "influence-dataset.png");
    fx(() -> {
      ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#influence-mode-example"))
          .setSelected(true);
      return null;
    });
  }

  /** The Hidden state tab: a sentence's map with its last row selected, and a dataset band. */
  private static void hiddenState(MainWindow w, Stage stage) throws Exception {
    select(w, "Hidden state");
    var hidden = w.hiddenStateModel();
    waitFor("hidden-state map", () -> hidden.resultProperty().get() != null
        && !hidden.busyProperty().get() && w.tabs().getSelectionModel().getSelectedItem()
        .getContent() instanceof io.gradlens.app.hidden.HiddenStateView v
        && v.mapChart().result() == hidden.resultProperty().get());
    fx(() -> {
      hidden.selectedRowProperty().set(hidden.resultProperty().get().steps() - 1);
      hidden.sampleSizeProperty().set(50);
      hidden.computeDataset();
      return null;
    });
    waitFor("hidden-state dataset curves", () -> hidden.datasetCurvesProperty().get() != null
        && !hidden.busyProperty().get());
    shot(stage, "hidden-state.png");
  }

  /**
   * The decoy-text story of the fix-the-reasons loop: a text CNN trained on decoy-text, its decoy
   * words marked in the Saliency tab, "Retrain with constraint…", the comparison. Run alone with
   * {@code -Dgradlens.shots=fix-reasons}.
   */
  private static void fixReasons(MainWindow w, Stage stage) throws Exception {
    WorkspaceEntry decoy = fx(() -> w.workspace().entries().stream()
        .filter(e -> e.id().equals("builtin:decoy-text")).findFirst().orElseThrow());
    fx(() -> {
      w.workspace().select(decoy);
      return null;
    });
    waitFor("decoy-text listed", () -> !w.dataModel().rows().isEmpty());
    select(w, "Training");
    fx(() -> {
      var t = w.trainingModel();
      t.architectureProperty().set(Architecture.TEXTCNN);
      t.embeddingSizeProperty().set(32);
      t.hiddenSizeProperty().set(32);
      t.unitsProperty().set(32);
      t.epochsProperty().set(3);
      t.batchSizeProperty().set(32);
      t.learningRateProperty().set(1e-3);
      t.start();
      return null;
    });
    waitFor("decoy model current", () -> !w.trainingModel().runningProperty().get()
        && w.workbench().currentModelProperty().get() != null
        && w.workbench().currentModelProperty().get().origin() == WorkspaceEntry.Origin.TRAINED
        && w.dataModel().rows().stream().allMatch(e -> e.hasPrediction()));
    select(w, "Saliency");
    for (String word : java.util.List.of("decoypos", "decoyneg")) {
      var example = fx(() -> w.dataModel().allExamples().stream()
          .filter(e -> io.gradlens.data.Tokenizer.tokenize(e.text()).contains(word)
              && e.text().length() < 90)
          .findFirst().orElseThrow());
      fx(() -> {
        w.workbench().currentExampleProperty().set(example);
        return null;
      });
      waitFor("saliency of an example with " + word, () -> {
        var r = w.saliencyModel().resultProperty().get();
        return r != null && !w.saliencyModel().busyProperty().get() && r.tokens().contains(word);
      });
      fx(() -> {
        w.markingModel().toggleToken(w.saliencyModel().resultProperty().get().tokens()
            .indexOf(word));
        return null;
      });
      waitFor(word + " marked", () -> w.markingModel().marks().size() >= (word.equals("decoypos")
          ? 1 : 2));
    }
    shot(stage, "fix-reasons-mark.png");
    fx(() -> {
      ((javafx.scene.control.Button) stage.getScene().lookup("#retrain-constraint")).fire();
      return null;
    });
    Thread.sleep(800);
    fx(() -> {
      w.trainingModel().start();
      return null;
    });
    waitFor("constrained training", () -> !w.trainingModel().runningProperty().get()
        && w.trainingModel().epochMetrics().size() == w.trainingModel().epochsProperty().get()
        && w.workbench().currentModelProperty().get().name().contains("\u03bb="));
    Thread.sleep(1500);
    shot(stage, "fix-reasons-training.png");
    select(w, "Saliency");
    // Gradient × Input shows the decoy plainly: the penalised attribution, and the one the
    // plain gradient of a learned embedding can hide from (docs/experiments.md).
    fx(() -> {
      w.saliencyModel().methodProperty().set(io.gradlens.app.service.SaliencyMethod.GRADIENT_X_INPUT);
      return null;
    });
    waitFor("comparison", () -> w.saliencyModel().compareResultProperty().get() != null
        && !w.saliencyModel().busyProperty().get()
        && w.saliencyModel().resultProperty().get().method().contains("Input"));
    shot(stage, "fix-reasons-compare.png");
    select(w, "Data");
    waitFor("accuracy change", () -> !w.dataModel().accuracyChangeProperty().get().isEmpty());
    System.err.println(fx(() -> w.dataModel().accuracyChangeProperty().get()));
    shot(stage, "fix-reasons-data.png");
  }

  private static void select(MainWindow w, String tab) throws Exception {
    fx(() -> {
      w.tabs().getSelectionModel().select(w.tabs().getTabs().stream()
          .filter(t -> t.getText().equals(tab)).findFirst().orElseThrow());
      return null;
    });
    Thread.sleep(800);
  }

  private static void shot(Stage stage, String name) throws Exception {
    Thread.sleep(500);
    WritableImage image = fx(() -> stage.getScene().snapshot(null));
    Path file = out.resolve(name);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    System.err.println("wrote " + file);
  }

  private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
    waitFor(TIMEOUT_SECONDS, what, condition);
  }

  /**
   * Polls {@code condition} on the FX thread every 250 ms until it holds.
   *
   * @throws IllegalStateException after {@code seconds}
   */
  public static void waitFor(int seconds, String what, Callable<Boolean> condition)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!fx(condition)) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  /** @return {@code action}'s value, computed on the FX thread (waits up to 60 s) */
  public static <T> T fx(Callable<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(action.call());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f.get(60, TimeUnit.SECONDS);
  }
}
