package io.gradlens.app;

import io.gradlens.app.data.DataView;
import io.gradlens.app.data.DataViewModel;
import io.gradlens.app.error.ErrorDialog;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.hidden.HiddenStateView;
import io.gradlens.app.hidden.HiddenStateViewModel;
import io.gradlens.app.influence.InfluenceView;
import io.gradlens.app.influence.InfluenceViewModel;
import io.gradlens.app.influence.MislabelViewModel;
import io.gradlens.app.saliency.SaliencyView;
import io.gradlens.app.saliency.SaliencyViewModel;
import io.gradlens.app.evaluation.EvaluationView;
import io.gradlens.app.evaluation.EvaluationViewModel;
import io.gradlens.app.sanity.SanityView;
import io.gradlens.app.sanity.SanityViewModel;
import io.gradlens.app.sensitivity.SensitivityView;
import io.gradlens.app.sensitivity.SensitivityViewModel;
import io.gradlens.app.service.Example;
import io.gradlens.app.pairing.PairingAwareErrors;
import io.gradlens.app.pairing.PairingBanner;
import io.gradlens.app.pairing.PairingCheck;
import io.gradlens.app.session.QuitDialogs;
import io.gradlens.app.session.QuitFlow;
import io.gradlens.app.session.SaliencySession;
import io.gradlens.app.session.StartPlan;
import io.gradlens.app.session.ModelSaving;
import io.gradlens.app.session.WindowPlacement;
import io.gradlens.app.settings.AppSettings;
import io.gradlens.app.settings.RecentDataset;
import io.gradlens.app.settings.RecentFiles;
import io.gradlens.app.settings.SessionState;
import io.gradlens.app.settings.SettingsStore;
import io.gradlens.app.settings.WindowGeometry;
import io.gradlens.app.task.TaskActivity;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.app.training.TrainingView;
import io.gradlens.app.training.TrainingViewModel;
import io.gradlens.app.workspace.RecentDatasetsViewModel;
import io.gradlens.app.workspace.WorkspacePanel;
import io.gradlens.app.workspace.WorkspaceViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * Builds and wires the main window: menu bar, toolbar, workspace panel, the pairing banner, the
 * analysis tabs and status bar; persists window geometry, divider positions and recent files,
 * and the session (dataset, model, tab, Saliency settings) restored at the next start.
 */
public final class MainWindow {

  private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());
  private static final double DEFAULT_WIDTH = 1200;
  private static final double DEFAULT_HEIGHT = 800;

  private final AppServices services;
  private final SettingsStore settingsStore;
  private final TaskRunner runner;
  private final FilePrompt prompt;
  private final WorkbenchModel workbench = new WorkbenchModel();
  private final TabPane tabs = new TabPane();
  private final SplitPane split = new SplitPane();
  private final Menu recentMenu = new Menu("Recent files");
  private AppSettings settings;
  private SessionState session = SessionState.none();
  private ModelSaving modelSaving;
  private PairingCheck pairingCheck;
  private MenuItem undoMark;
  private MenuItem redoMark;
  private Stage stage;
  private ErrorReporter errors;
  private WorkspaceViewModel workspace;
  private DatasetImports imports;
  private DataViewModel dataModel;
  private SaliencyViewModel saliencyModel;
  private TrainingViewModel trainingModel;
  private HiddenStateViewModel hiddenStateModel;
  private SensitivityViewModel sensitivityModel;
  private SanityViewModel sanityModel;
  private EvaluationViewModel evaluationModel;
  private Tab trainingTab;
  private Tab saliencyTab;
  private InfluenceViewModel influenceModel;
  private MislabelViewModel mislabelModel;
  private FixReasonsLoop fixReasons;
  private io.gradlens.app.saliency.MaskMarkingModel markingModel;
  private io.gradlens.app.corpus.CorpusViewModel corpusModel;
  private Tab corpusTab;

  /**
   * @param services the services to run against
   * @param settingsStore where settings persist
   * @param runner background runner
   * @param prompt asks for files
   */
  public MainWindow(AppServices services, SettingsStore settingsStore, TaskRunner runner,
      FilePrompt prompt) {
    this.services = services;
    this.settingsStore = settingsStore;
    this.runner = runner;
    this.prompt = prompt;
  }

  /** Builds the scene into {@code target}, restores saved geometry and shows it. */
  public void show(Stage target) {
    this.stage = target;
    settings = settingsStore.load();
    session = settingsStore.loadSession();
    // A computation refused for an incompatible pair is said by the banner, not by a dialog.
    errors = new PairingAwareErrors(ErrorDialog.reporter(() -> stage));
    modelSaving = new ModelSaving(services.workspace(), runner, prompt, errors, () -> stage,
        this::rememberRecent);
    BorderPane root = new BorderPane();
    root.setId("main-root");
    workspace = new WorkspaceViewModel(services.workspace(), runner, errors, workbench);
    workspace.setOnFileOpened(this::rememberRecent);
    imports = new DatasetImports(() -> stage, workspace, runner, errors, recentDatasetStore());
    pairingCheck = new PairingCheck(services.workspace(), runner, workbench);
    buildTabs();
    if (saliencyModel != null) {
      SaliencySession.apply(session.saliency(), saliencyModel);
    }
    WorkspacePanel panel = new WorkspacePanel(workspace, imports.recent(), workbench,
        this::openModel);
    split.setId("main-split");
    VBox analysis = new VBox(new PairingBanner(workbench), tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    split.getItems().setAll(panel, analysis);
    split.setDividerPositions(0.22);
    SplitPane.setResizableWithParent(panel, false);
    root.setTop(new VBox(menuBar(), toolBar()));
    root.setCenter(split);
    root.setBottom(statusBar());
    Scene scene = new Scene(root, defaultWidth(), defaultHeight());
    // Ctrl+Y: a second shortcut for Edit ▸ Redo mark.
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
        () -> {
          if (markingModel != null) {
            markingModel.redo();
          }
        });
    installDragAndDrop(scene);
    stage.setScene(scene);
    stage.setTitle("GradLens");
    WindowPlacement.restore(stage, settings.window(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
    stage.setOnCloseRequest(e -> {
      e.consume(); // the quit path closes the window, or the user stays
      quit();
    });
    workspace.refresh();
    stage.show();
    // A window manager may answer the first mapping of the window with the content's minimum size
    // (seen under openbox: 198×175) and ignore the size set before show: place it once more.
    Platform.runLater(() -> WindowPlacement.restore(stage, settings.window(), DEFAULT_WIDTH,
        DEFAULT_HEIGHT));
    double[] dividers = settings.dividerPositions();
    if (dividers.length == split.getDividers().size()) {
      Platform.runLater(() -> split.setDividerPositions(dividers));
    }
  }

  private void buildTabs() {
    tabs.setId("analysis-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    dataModel = new DataViewModel(services.workspace(), runner, errors,
        workbench.currentExampleProperty());
    Tab data = new Tab("Data", new DataView(dataModel, prompt, errors));
    data.setId("tab-data");
    tabs.getTabs().add(data);
    workbench.currentDatasetProperty().addListener((o, a, b) -> {
      if (b != null) {
        dataModel.load(b);
      }
    });
    services.trainingService().ifPresent(service -> {
      trainingModel = new TrainingViewModel(service, runner, errors, System::nanoTime);
      trainingModel.setOnTrained(result -> {
        if (fixReasons != null) {
          fixReasons.trained(result);
        }
        workspace.refresh();
        workspace.select(result.model());
      });
      workbench.currentDatasetProperty().addListener((o, a, b) ->
          trainingModel.datasetIdProperty().set(b == null ? null : b.id()));
      trainingTab = lazyTab("Training", () -> new TrainingView(trainingModel, prompt, errors));
      trainingTab.setId("tab-training");
      tabs.getTabs().add(trainingTab);
    });
    services.saliencyService().ifPresent(service -> {
      // Nothing to explain until a model is current: at start the dataset's first example is
      // selected while the model still loads in the background, and explaining it then failed
      // with "No model loaded" although the model was on its way.
      ObservableValue<String> text = Bindings.createStringBinding(() -> {
        Example e = workbench.currentExampleProperty().get();
        return e == null || workbench.currentModelProperty().get() == null ? null : e.text();
      }, workbench.currentExampleProperty(), workbench.currentModelProperty());
      saliencyModel = new SaliencyViewModel(service, runner, errors, text);
      // Compare with: the other models that can read the current dataset.
      javafx.beans.InvalidationListener offer = o -> saliencyModel.offerCompareModels(
          List.copyOf(workspace.entries()), workbench.currentDatasetProperty().get(),
          workbench.currentModelProperty().get());
      workspace.entries().addListener(offer);
      workbench.currentDatasetProperty().addListener(offer);
      workbench.currentModelProperty().addListener(offer);
      saliencyModel.modelNameProperty().bind(Bindings.createStringBinding(() -> {
        var m = workbench.currentModelProperty().get();
        return m == null ? "Current model" : m.name();
      }, workbench.currentModelProperty()));
      saliencyTab = lazyTab("Saliency", this::saliencyView);
      saliencyTab.setId("tab-saliency");
      tabs.getTabs().add(saliencyTab);
    });
    services.hiddenStateService().ifPresent(this::addHiddenStateTab);
    services.influenceService().ifPresent(this::addInfluenceTab);
    addAnalysisTabs();
    workbench.currentModelProperty().addListener((o, a, b) -> {
      dataModel.reload();
      if (sensitivityModel != null) {
        sensitivityModel.currentModelChanged();
      }
      if (saliencyModel != null && a != null && b != null) {
        saliencyModel.recompute(); // the explained text is the same; its model changed
      }
    });
  }

  /** The Sensitivity and Sanity check tabs, when their services exist. */
  private void addAnalysisTabs() {
    services.sensitivityService().ifPresent(service -> {
      sensitivityModel = new SensitivityViewModel(service, runner, errors,
          workbench.currentDatasetProperty());
      workspace.entries().addListener((javafx.collections.ListChangeListener<
          io.gradlens.app.service.WorkspaceEntry>) c -> sensitivityModel.modelChoices().setAll(
              workspace.entries().filtered(e ->
                  e.kind() == io.gradlens.app.service.WorkspaceEntry.Kind.MODEL)));
      Tab tab = lazyTab("Sensitivity", () -> new SensitivityView(sensitivityModel, prompt, errors));
      tab.setId("tab-sensitivity");
      tabs.getTabs().add(tab);
    });
    services.sanityService().ifPresent(service -> {
      sanityModel = new SanityViewModel(service, runner, errors,
          workbench.currentDatasetProperty());
      Tab tab = lazyTab("Sanity check", () -> new SanityView(sanityModel, prompt, errors));
      tab.setId("tab-sanity");
      tabs.getTabs().add(tab);
    });
    services.evaluationService().ifPresent(service -> {
      evaluationModel = new EvaluationViewModel(service, runner, errors,
          workbench.currentDatasetProperty());
      Tab tab = lazyTab("Evaluate", () -> new EvaluationView(evaluationModel, prompt, errors));
      tab.setId("tab-evaluate");
      tabs.getTabs().add(tab);
    });
  }

  /** The Saliency view, with the fix-the-reasons controls when edits and training exist. */
  private SaliencyView saliencyView() {
    SaliencyView view = new SaliencyView(saliencyModel, prompt, errors);
    services.editService().ifPresent(edits -> {
      if (trainingModel == null) {
        return;
      }
      fixReasons = new FixReasonsLoop(workbench, trainingModel, saliencyModel, dataModel,
          this::showTraining, () -> tabs.getSelectionModel().select(saliencyTab));
      markingModel = new io.gradlens.app.saliency.MaskMarkingModel(edits, runner, errors);
      Runnable showMarks = () -> {
        var r = saliencyModel.resultProperty().get();
        var d = workbench.currentDatasetProperty().get();
        Example e = workbench.currentExampleProperty().get();
        // A typed sentence is no example of the dataset: its tokens are not marked.
        if (r != null && d != null && e != null && !saliencyModel.isTyping()) {
          markingModel.show(d.id(), e.id(), r.isImage() ? List.of() : r.tokens(),
              r.isImage() ? r.image().height() * r.image().width() : 0);
        }
      };
      saliencyModel.resultProperty().addListener((o, a, b) -> showMarks.run());
      showMarks.run();
      markingModel.marks().addListener((javafx.collections.ListChangeListener<
          io.gradlens.data.edits.DatasetEdit>) c -> updateMarkMenu());
      workbench.currentDatasetProperty().addListener(o -> updateMarkMenu());
      updateMarkMenu();
      view.enableMarking(markingModel, fixReasons::retrainWithConstraint);
    });
    return view;
  }

  /**
   * The Influence tab: computes only while shown (its first query runs a precomputation), and
   * after an edit of the dataset reloads the Data tab, which reads the dataset with its edits.
   */
  private void addInfluenceTab(io.gradlens.app.service.InfluenceService service) {
    influenceModel = new InfluenceViewModel(service, runner, errors,
        workbench.currentExampleProperty(), workbench.currentDatasetProperty());
    mislabelModel = services.editService().map(edits -> new MislabelViewModel(service, edits,
        runner, errors, workbench.currentDatasetProperty())).orElse(null);
    if (mislabelModel != null) {
      mislabelModel.setOnEdited(() -> {
        dataModel.reload();
        influenceModel.invalidate();
      });
    }
    workbench.currentModelProperty().addListener((o, a, b) -> influenceModel.invalidate());
    Tab tab = lazyTab("Influence", () -> new InfluenceView(influenceModel, mislabelModel, prompt,
        errors));
    tab.setId("tab-influence");
    influenceModel.activeProperty().bind(mislabelModel == null ? tab.selectedProperty()
        : tab.selectedProperty().and(mislabelModel.shownProperty().not()));
    tabs.getTabs().add(tab);
  }

  /**
   * The Hidden state tab: maps the current example while the tab is shown; a new model or
   * dataset drops the dataset-sample curves, which belonged to the old ones.
   */
  private void addHiddenStateTab(io.gradlens.app.service.HiddenStateService service) {
    ObservableValue<String> text = Bindings.createStringBinding(() -> {
      Example e = workbench.currentExampleProperty().get();
      return e == null ? null : e.text();
    }, workbench.currentExampleProperty());
    hiddenStateModel = new HiddenStateViewModel(service, runner, errors, text,
        () -> dataModel.allExamples().stream().map(Example::text).toList(),
        () -> workbench.currentDatasetProperty().get() == null ? "no dataset"
            : workbench.currentDatasetProperty().get().name(), System::nanoTime);
    Tab tab = lazyTab("Hidden state", () -> new HiddenStateView(hiddenStateModel, runner, prompt,
        errors));
    tab.setId("tab-hidden-state");
    hiddenStateModel.activeProperty().bind(tab.selectedProperty());
    workbench.currentModelProperty().addListener((o, a, b) -> {
      hiddenStateModel.clearDataset();
      hiddenStateModel.invalidate();
    });
    workbench.currentDatasetProperty().addListener((o, a, b) -> hiddenStateModel.clearDataset());
    tabs.getTabs().add(tab);
  }

  /**
   * A tab whose view is built when it is first selected. The charts of the Training and Saliency
   * views cost seconds of CSS, font and chart setup on a slow machine; building them lazily keeps
   * that out of the first frame (their view models exist, and work, from the start).
   */
  private Tab lazyTab(String title, java.util.function.Supplier<javafx.scene.Node> view) {
    Tab tab = new Tab(title);
    tab.setContent(new javafx.scene.control.Label("Loading " + title + "\u2026"));
    Runnable build = () -> {
      if (!(tab.getContent() instanceof javafx.scene.control.Label)) {
        return;
      }
      tab.setContent(view.get());
    };
    tab.selectedProperty().addListener((o, a, b) -> {
      if (b) {
        build.run();
      }
    });
    tab.setUserData(build);
    return tab;
  }

  /** Builds every lazily built tab now (screenshots, tests). */
  public void buildAllTabs() {
    for (Tab t : tabs.getTabs()) {
      if (t.getUserData() instanceof Runnable build) {
        build.run();
      }
    }
  }

  private MenuBar menuBar() {
    MenuItem openDataset = item("Open dataset\u2026", "menu-open-dataset",
        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openDataset);
    MenuItem openModel = item("Open model\u2026", "menu-open-model",
        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN), this::openModel);
    recentMenu.setId("menu-recent");
    recentMenu.setOnShowing(e -> rebuildRecentMenu());
    rebuildRecentMenu();
    MenuItem openCorpus = item("Open corpus results\u2026", "menu-open-corpus", null,
        this::openCorpusResults);
    MenuItem saveModel = item("Save model\u2026", "menu-save-model",
        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveModel);
    saveModel.disableProperty().bind(workbench.currentModelProperty().isNull());
    MenuItem exportDataset = item("Export dataset saliency\u2026", "menu-export-dataset",
        new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN), this::exportDatasetSaliency);
    exportDataset.setDisable(services.saliency() == null);
    MenuItem export = item("Export\u2026", "menu-export",
        new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportCurrent);
    MenuItem quit = item("Quit", "menu-quit",
        new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit);
    Menu file = new Menu("File", null, openDataset, openModel, openCorpus, recentMenu,
        new SeparatorMenuItem(), saveModel, export, exportDataset, new SeparatorMenuItem(), quit);
    MenuItem train = item("Train\u2026", "menu-train",
        new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::showTraining);
    train.setDisable(trainingTab == null);
    Menu run = new Menu("Run", null, train);
    Menu help = HelpMenu.create(() -> stage);
    MenuBar bar = new MenuBar(file, editMenu(), run, help);
    bar.setId("menu-bar");
    return bar;
  }

  /**
   * Edit: Undo and Redo of the dataset edit journal the fix-the-reasons marks are kept in (the
   * same as the Undo and Redo buttons of the Saliency tab's marking pane). Both are disabled
   * until the Saliency tab shows marks; Undo while the dataset has none, Redo unless an undo of
   * this session can be put back ({@link #updateMarkMenu}).
   */
  private Menu editMenu() {
    MenuItem undo = item("Undo mark", "menu-undo",
        new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> {
          if (markingModel != null) {
            markingModel.undo();
          }
        });
    MenuItem redo = item("Redo mark", "menu-redo",
        new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN), () -> {
          if (markingModel != null) {
            markingModel.redo();
          }
        });
    undoMark = undo;
    redoMark = redo;
    updateMarkMenu();
    return new Menu("Edit", null, undo, redo);
  }

  /** Enables Edit ▸ Undo/Redo mark by the current dataset's edit journal. */
  private void updateMarkMenu() {
    var dataset = workbench.currentDatasetProperty().get();
    boolean marks = markingModel != null && !markingModel.marks().isEmpty();
    boolean redoable = false;
    if (markingModel != null && dataset != null) {
      try {
        redoable = services.editService().orElseThrow().canRedo(dataset.id());
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "Cannot tell whether a mark can be redone", e);
      }
    }
    if (undoMark != null) {
      undoMark.setDisable(!marks);
      redoMark.setDisable(!redoable);
    }
  }

  private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setAccelerator(key);
    item.setOnAction(e -> action.run());
    return item;
  }

  private ToolBar toolBar() {
    Button openDataset = toolButton("Open dataset", "tool-open-dataset", this::openDataset);
    Button openModel = toolButton("Open model", "tool-open-model", this::openModel);
    Button train = toolButton("Train", "tool-train", this::showTraining);
    train.setDisable(trainingTab == null);
    Button export = toolButton("Export", "tool-export", this::exportCurrent);
    ToolBar bar = new ToolBar(openDataset, openModel, train, export);
    bar.setId("tool-bar");
    return bar;
  }

  private static Button toolButton(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private StatusBar statusBar() {
    TaskActivity activity = runner.activity();
    StatusBar bar = new StatusBar();
    bar.setId("status-bar");
    bar.textProperty().bind(activity.messageProperty());
    bar.progressProperty().bind(activity.progressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("status-cancel");
    cancel.visibleProperty().bind(activity.busyProperty());
    cancel.setOnAction(e -> activity.cancelCurrent());
    bar.getRightItems().add(cancel);
    return bar;
  }

  private void installDragAndDrop(Scene scene) {
    scene.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    scene.setOnDragDropped(e -> {
      boolean ok = e.getDragboard().hasFiles();
      if (ok) {
        openFiles(e.getDragboard().getFiles());
      }
      e.setDropCompleted(ok);
      e.consume();
    });
  }

  /**
   * Opens a dataset and selects a model by workspace id, in the background; ids the workspace
   * does not know (e.g. a build without the shipped models) are skipped quietly.
   *
   * @param datasetId dataset to show, or empty
   * @param modelId model to select, or empty
   */
  public void openAtStart(String datasetId, String modelId) {
    if (saliencyTab != null && !modelId.isEmpty()) {
      // After the first frame: show the explanation of the first example as soon as it comes.
      Platform.runLater(() -> tabs.getSelectionModel().select(saliencyTab));
    }
    for (var entry : workspace.entries()) {
      if (entry.id().equals(datasetId)) {
        workspace.select(entry);
      }
    }
    for (var entry : workspace.entries()) {
      if (entry.id().equals(modelId)) {
        workspace.select(entry);
      }
    }
  }

  /**
   * Restores the last session (dataset, model, tab; see {@link StartPlan}) or, on a first start,
   * opens {@code defaultDataset} with {@code defaultModel}. A dataset opened from a file is
   * opened again first and the model selected once it is current.
   */
  public void resumeSession(String defaultDataset, String defaultModel) {
    StartPlan plan = StartPlan.of(session, workspace.entries().stream()
        .map(io.gradlens.app.service.WorkspaceEntry::id)
        .collect(java.util.stream.Collectors.toSet()), java.nio.file.Files::isRegularFile,
        defaultDataset, defaultModel);
    Runnable model = () -> {
      if (plan.modelFile() != null) {
        workspace.openModel(plan.modelFile());
      } else if (plan.modelId() != null) {
        openAtStart("", plan.modelId());
      }
    };
    if (plan.datasetFile() != null) {
      whenNextDataset(model);
      if (!imports.reopen(plan.datasetFile())) {
        workspace.openDataset(plan.datasetFile());
      }
    } else {
      openAtStart(plan.datasetId() == null ? "" : plan.datasetId(), "");
      model.run();
    }
    if (plan.tab() != null) {
      // After openAtStart's own choice of the Saliency tab.
      Platform.runLater(() -> tabs.getTabs().stream().filter(t -> plan.tab().equals(t.getId()))
          .findFirst().ifPresent(t -> tabs.getSelectionModel().select(t)));
    }
  }

  private void whenNextDataset(Runnable action) {
    javafx.beans.value.ChangeListener<Object> once = new javafx.beans.value.ChangeListener<>() {
      @Override
      public void changed(ObservableValue<?> o, Object a, Object b) {
        workbench.currentDatasetProperty().removeListener(this);
        action.run();
      }
    };
    workbench.currentDatasetProperty().addListener(once);
  }

  /**
   * Opens dropped files through the same actions as the menu (routed by extension): CSV, TSV and
   * JSON Lines files through the import dialog, others as before.
   */
  public void openFiles(List<File> files) {
    files.stream().map(File::toPath).forEach(this::openFile);
  }

  private void openFile(Path file) {
    if (imports.handles(file)) {
      imports.open(file);
    } else {
      workspace.open(file);
    }
  }

  private void openDataset() {
    prompt.open(stage, "Open dataset", List.of(
        new FileChooser.ExtensionFilter("Datasets", "*.csv", "*.tsv", "*.txt", "*.jsonl",
            "*.json", "*.gz"),
        new FileChooser.ExtensionFilter("All files", "*.*")))
        .ifPresent(file -> {
          if (imports.handles(file)) {
            imports.open(file);
          } else {
            workspace.openDataset(file);
          }
        });
  }

  private void openModel() {
    prompt.open(stage, "Open model", List.of(
        new FileChooser.ExtensionFilter("Models (.gradlens, Keras, TensorFlow.js)",
            io.gradlens.io.ModelFiles.EXTENSIONS.stream().map(ext -> "*" + ext).toList()),
        new FileChooser.ExtensionFilter("All files", "*.*")))
        .ifPresent(workspace::openModel);
  }

  /** Saves the current model as a {@code .gradlens} bundle, in the background. */
  public void saveModel() {
    var model = workbench.currentModelProperty().get();
    if (model != null) {
      modelSaving.save(model);
    }
  }

  /**
   * Explains every example of the current dataset with the Saliency tab's settings and writes
   * JSON Lines or CSV, in the background with progress and Cancel in the status bar.
   */
  public void exportDatasetSaliency() {
    var model = workbench.currentModelProperty().get();
    var dataset = workbench.currentDatasetProperty().get();
    if (saliencyModel == null || model == null || dataset == null) {
      errors.report("Export dataset saliency", new IllegalStateException(
          "Open a dataset and a model first"));
      return;
    }
    io.gradlens.app.service.SaliencyRequest request;
    try {
      request = saliencyModel.request();
    } catch (IllegalArgumentException e) {
      errors.report("Export dataset saliency", e);
      return;
    }
    prompt.save(stage, "Export dataset saliency", "saliency.jsonl", List.of(
        new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"),
        new FileChooser.ExtensionFilter("CSV table", "*.csv"),
        new FileChooser.ExtensionFilter("HTML page", "*.html")))
        .ifPresent(file -> runner.submit("Export saliency to " + file.getFileName(),
            (progress, cancel) -> services.saliency().exportDataset(dataset, request, file,
                progress, cancel),
            io.gradlens.app.task.TaskCallbacks.of(count -> { },
                e -> errors.report("Export dataset saliency", e))));
  }

  /**
   * File ▸ Open corpus results…: asks for a job folder merged by {@code gradlens merge} and opens it
   * in the Corpus tab (added on first use), off the FX thread.
   */
  private void openCorpusResults() {
    prompt.openDirectory(stage, "Open corpus results (a folder merged by gradlens merge)")
        .ifPresent(folder -> {
          if (corpusModel == null) {
            corpusModel = new io.gradlens.app.corpus.CorpusViewModel(runner, errors);
            corpusTab = new Tab("Corpus", new io.gradlens.app.corpus.CorpusView(corpusModel, prompt,
                errors));
            corpusTab.setId("tab-corpus");
            tabs.getTabs().add(corpusTab);
          }
          tabs.getSelectionModel().select(corpusTab);
          corpusModel.open(folder);
        });
  }

  private void exportCurrent() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    if (tab != null && tab.getContent() instanceof Exportable exportable) {
      exportable.exportInteractively(stage);
    }
  }

  private void showTraining() {
    if (trainingTab != null) {
      tabs.getSelectionModel().select(trainingTab);
    }
  }

  /**
   * The quit path of File ▸ Quit and the window's close button: asks while a training runs,
   * offers to save the models trained in this session, then saves the settings and the session
   * and closes the window.
   */
  public void quit() {
    new QuitFlow(new QuitDialogs(() -> stage),
        () -> trainingModel != null && trainingModel.runningProperty().get(),
        () -> trainingModel.cancel(),
        () -> modelSaving.unsaved(workspace.entries()),
        modelSaving::saveAllThenRun).quit(() -> {
          saveState();
          stage.close();
        });
  }

  private void rememberRecent(Path file) {
    settings = settings.withRecentFiles(RecentFiles.touch(settings.recentFiles(),
        file.toAbsolutePath().toString()));
    persist();
    rebuildRecentMenu();
  }

  /** The Recent group's datasets, kept in the app settings and saved on every change. */
  private RecentDatasetsViewModel.Store recentDatasetStore() {
    return new RecentDatasetsViewModel.Store() {
      @Override
      public List<RecentDataset> load() {
        return settings.recentDatasets();
      }

      @Override
      public void save(List<RecentDataset> datasets) {
        settings = settings.withRecentDatasets(datasets);
        persist();
      }
    };
  }

  private void rebuildRecentMenu() {
    recentMenu.getItems().clear();
    for (String f : settings == null ? List.<String>of() : settings.recentFiles()) {
      MenuItem item = new MenuItem(f);
      item.setMnemonicParsing(false);
      item.setOnAction(e -> openFile(Paths.get(f)));
      recentMenu.getItems().add(item);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }

  private static double defaultWidth() {
    return Math.min(DEFAULT_WIDTH, 0.9 * Screen.getPrimary().getVisualBounds().getWidth());
  }

  private static double defaultHeight() {
    return Math.min(DEFAULT_HEIGHT, 0.9 * Screen.getPrimary().getVisualBounds().getHeight());
  }

  /**
   * Saves window geometry (only when it could be restored: a tiny or off-screen window keeps the
   * last good one), divider positions and recent files, and the session: current dataset, model,
   * tab and the Saliency toolbar's settings.
   */
  public void saveState() {
    settings = settings
        .withWindow(WindowPlacement.toSave(stage, settings.window()))
        .withDividerPositions(split.getDividerPositions());
    persist();
    var dataset = workbench.currentDatasetProperty().get();
    var model = workbench.currentModelProperty().get();
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    session = new SessionState(dataset == null ? null : dataset.id(),
        dataset == null || dataset.source() == null ? null : dataset.source().toString(),
        model == null ? null : model.id(),
        model == null || model.source() == null ? null : model.source().toString(),
        tab == null ? null : tab.getId(),
        saliencyModel == null ? session.saliency() : SaliencySession.read(saliencyModel));
    try {
      settingsStore.saveSession(session);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not save the session to " + settingsStore.file(), e);
    }
  }

  private void persist() {
    try {
      settingsStore.save(settings);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not save settings to " + settingsStore.file(), e);
    }
  }

  /** @return shared app state */
  public WorkbenchModel workbench() {
    return workbench;
  }

  /** @return the Recent group of the workspace panel */
  public RecentDatasetsViewModel recentDatasets() {
    return imports.recent();
  }

  /** @return the workspace view model */
  public WorkspaceViewModel workspace() {
    return workspace;
  }

  /** @return the Data tab's view model */
  public DataViewModel dataModel() {
    return dataModel;
  }

  /** @return the Saliency tab's view model, or null when saliency is unavailable */
  public SaliencyViewModel saliencyModel() {
    return saliencyModel;
  }

  /** @return the Hidden state tab's view model, or null when it is unavailable */
  public HiddenStateViewModel hiddenStateModel() {
    return hiddenStateModel;
  }

  /** @return the marking state of the fix-the-reasons loop, or null before the Saliency tab */
  public io.gradlens.app.saliency.MaskMarkingModel markingModel() {
    return markingModel;
  }

  /** @return the Training tab's view model, or null when training is unavailable */
  public TrainingViewModel trainingModel() {
    return trainingModel;
  }

  /** @return the Influence tab's example-mode view model, or null without influence */
  public InfluenceViewModel influenceModel() {
    return influenceModel;
  }

  /** @return the Influence tab's dataset-mode view model, or null without influence or edits */
  public MislabelViewModel mislabelModel() {
    return mislabelModel;
  }

  /** @return the Sensitivity tab's view model, or null when sensitivity is unavailable */
  public SensitivityViewModel sensitivityModel() {
    return sensitivityModel;
  }

  /** @return the Evaluate tab's view model, or null when the evaluation is unavailable */
  public EvaluationViewModel evaluationModel() {
    return evaluationModel;
  }

  /** @return the Sanity check tab's view model, or null when the check is unavailable */
  public SanityViewModel sanityModel() {
    return sanityModel;
  }

  /** @return the analysis tab pane */
  public TabPane tabs() {
    return tabs;
  }

  /** @return the main split pane */
  public SplitPane split() {
    return split;
  }
}
