package io.gradlens.app.gui;

import static io.gradlens.app.Screenshots.fx;
import static io.gradlens.app.Screenshots.waitFor;

import io.gradlens.app.MainWindow;
import io.gradlens.app.core.CoreServices;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.hidden.HiddenMapChart;
import io.gradlens.app.hidden.HiddenStateView;
import io.gradlens.app.hidden.HiddenStateViewModel;
import io.gradlens.app.service.Example;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.task.FxTaskRunner;
import io.gradlens.data.Tokenizer;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Not a test: measures the Hidden state tab on a long document, in the real app under Xvfb — the
 * end-to-end time from selecting a {@code sotu} chunk of about 1,400 tokens to its map on screen
 * (core computation and FX rendering separately), the redraw time of the map while zooming in
 * and out, and for comparison one draw of the same map through an {@code XYBlockRenderer}. Run:
 * {@code xvfb-run java -Dprism.order=sw -cp target/test-classes:target/classes:<deps>
 * io.gradlens.app.gui.HiddenStateTiming$Run [target tokens]}.
 */
public final class HiddenStateTiming extends Application {

  private static int targetTokens = 1400;
  private static boolean coreMode = true;

  /** Plain main class (JavaFX on the classpath refuses an Application subclass as main). */
  public static final class Run {
    private Run() {
    }

    /** @param args target token count, then {@code core} (default) or {@code render} */
    public static void main(String[] args) {
      if (args.length > 0) {
        targetTokens = Integer.parseInt(args[0]);
      }
      coreMode = args.length < 2 || args[1].equals("core");
      Application.launch(HiddenStateTiming.class);
    }
  }

  @Override
  public void start(Stage stage) throws Exception {
    if (!coreMode) {
      startRenderOnly(stage);
      return;
    }
    MainWindow window = new MainWindow(CoreServices.of(new CoreWorkspace(
        CoreWorkspace.defaultModelsDir())), new SettingsStore(Files.createTempDirectory("hst")),
        new FxTaskRunner(), new io.gradlens.app.fakes.FixedFilePrompt());
    window.show(stage);
    stage.setWidth(1280);
    stage.setHeight(800);
    inBackground(() -> run(window));
  }

  /** A step of the script, run off the FX thread. */
  private interface Step {
    void run() throws Exception;
  }

  /** Runs {@code step} on a daemon thread, then exits (with status 1 on failure). */
  private static void inBackground(Step step) {
    Thread script = new Thread(() -> {
      try {
        step.run();
        Platform.exit();
      } catch (Throwable t) {
        t.printStackTrace();
        System.exit(1);
      }
    }, "timing");
    script.setDaemon(true);
    script.start();
  }

  private static void run(MainWindow w) throws Exception {
    fx(() -> {
      w.openAtStart("builtin:sotu", "shipped:sentiment-lstm");
      return null;
    });
    waitFor(1800, "sotu predicted", () -> !w.dataModel().rows().isEmpty()
        && w.dataModel().rows().get(0).hasPrediction()
        && w.workbench().currentDatasetProperty().get().name().equals("sotu"));
    List<Example> rows = fx(() -> new ArrayList<>(w.dataModel().rows()));
    Example chosen = rows.get(0);
    for (Example e : rows) {
      if (Math.abs(Tokenizer.tokenize(e.text()).size() - targetTokens)
          < Math.abs(Tokenizer.tokenize(chosen.text()).size() - targetTokens)) {
        chosen = e;
      }
    }
    int tokens = Tokenizer.tokenize(chosen.text()).size();
    log("chosen example %s with T = %d tokens", chosen.id(), tokens);
    HiddenStateViewModel model = w.hiddenStateModel();
    Example target = chosen;
    fx(() -> {
      w.workbench().currentExampleProperty().set(target);
      return null;
    });
    // The tab maps only while shown: the clock starts when it is selected on the long example.
    long start = System.nanoTime();
    fx(() -> {
      w.tabs().getSelectionModel().select(w.tabs().getTabs().stream()
          .filter(t -> t.getText().equals("Hidden state")).findFirst().orElseThrow());
      return null;
    });
    waitFor(3600, "long map", () -> model.resultProperty().get() != null
        && model.resultProperty().get().steps() == tokens && !model.busyProperty().get());
    HiddenStateView view = fx(() -> (HiddenStateView) w.tabs().getSelectionModel()
        .getSelectedItem().getContent());
    waitFor(600, "map rendered", () -> view.mapChart().result() == model.resultProperty().get());
    fx(() -> null); // one more pulse: the chart has been painted
    double endToEnd = (System.nanoTime() - start) / 1e6;
    log("T = %d: computed and shown %.0f ms after selection; core computation %.0f ms; FX"
        + " thread (charts, token strip) %.0f ms; map image in the background %.0f ms",
        fx(() -> model.resultProperty().get().steps()), endToEnd,
        fx(() -> model.lastMillisProperty().get()), fx(view::lastRenderMillis),
        fx(view::lastMapMillis));
    measureMap(view.mapChart(), tokens, fx(() -> model.resultProperty().get().map()));
  }

  /**
   * The GUI path without the core: a fake service returns a T×T map at once, so the FX and
   * rendering costs of a long document can be measured in seconds.
   */
  private static void startRenderOnly(Stage stage) {
    io.gradlens.app.fakes.FakeHiddenStateService service =
        new io.gradlens.app.fakes.FakeHiddenStateService();
    javafx.beans.property.SimpleStringProperty text =
        new javafx.beans.property.SimpleStringProperty();
    FxTaskRunner runner = new FxTaskRunner();
    HiddenStateViewModel model = new HiddenStateViewModel(service, runner,
        (action, e) -> e.printStackTrace(), text, List::of, () -> "none", System::nanoTime);
    HiddenStateView view = new HiddenStateView(model, runner,
        new io.gradlens.app.fakes.FixedFilePrompt(), (action, e) -> e.printStackTrace());
    stage.setScene(new javafx.scene.Scene(view, 1280, 800));
    stage.show();
    model.activeProperty().set(true);
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < targetTokens; i++) {
      words.append(i % 2 == 0 ? "word " : "longer ");
    }
    inBackground(() -> {
      // Warm up on a short text first, as in the app, where the tab shows a sentence first.
      fx(() -> {
        text.set("a short warm up text of a few words");
        return null;
      });
      waitFor(600, "warm-up map", () -> model.resultProperty().get() != null
          && view.mapChart().result() == model.resultProperty().get());
      long start = System.nanoTime();
      fx(() -> {
        text.set(words.toString());
        return null;
      });
      waitFor(600, "map rendered", () -> model.resultProperty().get() != null
          && model.resultProperty().get().steps() == targetTokens
          && view.mapChart().result() == model.resultProperty().get());
      fx(() -> null);
      log("render only, T = %d: result to map on screen %.0f ms after the text (fake service"
          + " %.0f ms); FX thread (charts, token strip) %.0f ms; map image in the background"
          + " %.0f ms", targetTokens, (System.nanoTime() - start) / 1e6,
          fx(() -> model.lastMillisProperty().get()), fx(view::lastRenderMillis),
          fx(view::lastMapMillis));
      measureMap(view.mapChart(), targetTokens, fx(() -> model.resultProperty().get().map()));
    });
  }

  private static void measureMap(HiddenMapChart map, int tokens, double[][] values)
      throws Exception {
    log("map canvas %.0f x %.0f px", fx(() -> map.getCanvas().getWidth()),
        fx(() -> map.getCanvas().getHeight()));
    zoom(map, tokens);
    blockRendererOnce(values);
  }

  /** Zooms the map in 12 steps of 0.7× around its centre and back out, timing each redraw. */
  private static void zoom(HiddenMapChart map, int n) throws Exception {
    List<Double> times = new ArrayList<>();
    double centre = n / 2.0;
    double[] widths = new double[25];
    for (int i = 0; i <= 12; i++) {
      widths[i] = n * Math.pow(0.7, i);
      widths[24 - i] = widths[i];
    }
    for (double width : widths) {
      times.add(fx(() -> {
        long t0 = System.nanoTime();
        XYPlot plot = map.plot();
        map.chart().setNotify(false);
        plot.getDomainAxis().setRange(centre - width / 2, centre + width / 2);
        plot.getRangeAxis().setRange(centre - width / 2, centre + width / 2);
        map.chart().setNotify(true); // one chart change event: ChartCanvas redraws synchronously
        return (System.nanoTime() - t0) / 1e6;
      }));
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    log("zoom redraws (%d): median %.1f ms, max %.1f ms, first (full map) %.1f ms; all: %s",
        sorted.length, sorted[sorted.length / 2], sorted[sorted.length - 1], times.get(0),
        times.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList());
  }

  /** One draw of the same map as T² blocks, the naive way, at the same size (for comparison). */
  private static void blockRendererOnce(double[][] values) {
    int n = values.length;
    double[][] xyz = new double[3][n * n];
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < n; s++) {
        xyz[0][t * n + s] = s;
        xyz[1][t * n + s] = t;
        xyz[2][t * n + s] = values[t][s];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("G", xyz);
    XYPlot plot = new XYPlot(data, new NumberAxis("s"), new NumberAxis("t"), new XYBlockRenderer());
    JFreeChart chart = new JFreeChart(plot);
    BufferedImage image = new BufferedImage(700, 700, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    long t0 = System.nanoTime();
    chart.draw(g, new Rectangle2D.Double(0, 0, 700, 700));
    log("XYBlockRenderer, %d items, one draw at 700x700: %.0f ms", n * n,
        (System.nanoTime() - t0) / 1e6);
    g.dispose();
  }

  private static void log(String format, Object... args) {
    System.err.println("[timing] " + String.format(Locale.ROOT, format, args));
  }
}
