package io.gradlens.app.workspace;

import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.workspace.RecentDatasetsViewModel.RecentItem;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Side panel listing datasets, recently imported dataset files (greyed "file not found" when gone;
 * a click opens one with its remembered import settings, its context menu imports it again with
 * the dialog or removes it) and models in a tree, with an honest hint when no model is loaded,
 * and a "Details…" button showing the selected model's kind, inputs, classes and provenance.
 */
public final class WorkspacePanel extends VBox {

  /** Style class of a recent dataset whose file is gone. */
  public static final String MISSING_STYLE = "recent-missing";

  private final WorkspaceViewModel model;
  private final TreeItem<Object> datasets = new TreeItem<>("Datasets");
  private final TreeItem<Object> models = new TreeItem<>("Models");
  private final TreeItem<Object> recentGroup = new TreeItem<>("Recent");
  private final TreeView<Object> tree = new TreeView<>();
  private final RecentDatasetsViewModel recent;

  /**
   * @param model the view model
   * @param workbench shared state (for the current model hint)
   * @param openModel action of the "Open model…" link
   */
  public WorkspacePanel(WorkspaceViewModel model, WorkbenchModel workbench, Runnable openModel) {
    this(model, null, workbench, openModel);
  }

  /**
   * @param model the view model
   * @param recent the Recent group's datasets, or {@code null} for none
   * @param workbench shared state (for the current model hint)
   * @param openModel action of the "Open model…" link
   */
  public WorkspacePanel(WorkspaceViewModel model, RecentDatasetsViewModel recent,
      WorkbenchModel workbench, Runnable openModel) {
    super(6);
    this.model = model;
    this.recent = recent;
    setId("workspace-panel");
    setPadding(new Insets(6));
    TreeItem<Object> root = new TreeItem<>("Workspace");
    root.getChildren().add(datasets);
    root.getChildren().add(models);
    datasets.setExpanded(true);
    models.setExpanded(true);
    tree.setRoot(root);
    tree.setShowRoot(false);
    tree.setId("workspace-tree");
    recentGroup.setExpanded(true);
    tree.setCellFactory(t -> new TreeCell<>() {
      {
        setOnMouseClicked(e -> {
          if (e.getButton() == MouseButton.PRIMARY && getItem() instanceof RecentItem r) {
            recent.open(r);
          }
        });
      }

      @Override
      protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove(MISSING_STYLE);
        setStyle("");
        setTooltip(null);
        setContextMenu(null);
        if (empty || item == null) {
          setText(null);
        } else if (item instanceof RecentItem r) {
          setText(r.label());
          setTooltip(new Tooltip(r.saved().file()));
          setContextMenu(recentMenu(r));
          if (r.missing()) {
            getStyleClass().add(MISSING_STYLE);
            setStyle("-fx-text-fill: #8c8c8c;");
          }
        } else if (item instanceof WorkspaceEntry e) {
          setText(e.name() + "  (" + e.origin().name().toLowerCase(Locale.ROOT).replace('_', '-')
              + ")");
        } else {
          setText(item.toString());
        }
      }
    });
    tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      if (b != null && b.getValue() instanceof WorkspaceEntry entry) {
        model.select(entry);
      }
    });
    VBox.setVgrow(tree, Priority.ALWAYS);

    Label noModel = new Label("No model loaded \u2014");
    Hyperlink open = new Hyperlink("Open model\u2026");
    open.setOnAction(e -> openModel.run());
    VBox hint = new VBox(0, noModel, open);
    hint.setId("no-model-hint");
    hint.visibleProperty().bind(Bindings.isNull(workbench.currentModelProperty()));
    hint.managedProperty().bind(hint.visibleProperty());
    Label current = new Label();
    current.setId("current-model");
    current.textProperty().bind(Bindings.createStringBinding(() -> {
      WorkspaceEntry m = workbench.currentModelProperty().get();
      return m == null ? "" : "Model: " + m.name();
    }, workbench.currentModelProperty()));
    current.visibleProperty().bind(hint.visibleProperty().not());
    current.managedProperty().bind(current.visibleProperty());
    Button detailsButton = new Button("Details\u2026");
    detailsButton.setId("model-details-button");
    detailsButton.setTooltip(new Tooltip("Kind, inputs, classes and provenance of the selected "
        + "model (dataset and its SHA-256, hyperparameters, seed, versions), as bin/gradlens info "
        + "prints them"));
    detailsButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
      return item == null || !(item.getValue() instanceof WorkspaceEntry e)
          || e.kind() != WorkspaceEntry.Kind.MODEL;
    }, tree.getSelectionModel().selectedItemProperty()));
    detailsButton.setOnAction(e -> {
      if (tree.getSelectionModel().getSelectedItem().getValue() instanceof WorkspaceEntry entry) {
        model.showDetails(entry);
      }
    });
    TextArea details = new TextArea();
    details.setId("model-details");
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(10);
    details.textProperty().bind(model.detailsProperty());
    details.visibleProperty().bind(model.detailsProperty().isNotEmpty());
    details.managedProperty().bind(details.visibleProperty());
    getChildren().addAll(hint, current, tree, detailsButton, details);
    model.entries().addListener((ListChangeListener<WorkspaceEntry>) c -> rebuild());
    tree.setOnKeyPressed(e -> {
      TreeItem<Object> selected = tree.getSelectionModel().getSelectedItem();
      if (selected != null && selected.getValue() instanceof RecentItem r) {
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
          recent.remove(r);
        } else if (e.getCode() == KeyCode.ENTER) {
          recent.open(r);
        }
      }
    });
    if (recent != null) {
      recent.items().addListener((ListChangeListener<RecentItem>) c -> rebuildRecent());
      rebuildRecent();
    }
    rebuild();
  }

  private void rebuild() {
    datasets.getChildren().clear();
    models.getChildren().clear();
    for (WorkspaceEntry e : model.entries()) {
      (e.kind() == WorkspaceEntry.Kind.DATASET ? datasets : models).getChildren()
          .add(new TreeItem<>(e));
    }
  }

  /** The Recent group, after Datasets, shown while it lists anything. */
  private void rebuildRecent() {
    recentGroup.getChildren().setAll(recent.items().stream()
        .map(r -> new TreeItem<Object>(r)).toList());
    var groups = tree.getRoot().getChildren();
    if (recent.items().isEmpty()) {
      groups.remove(recentGroup);
    } else if (!groups.contains(recentGroup)) {
      groups.add(groups.indexOf(datasets) + 1, recentGroup);
    }
  }

  private ContextMenu recentMenu(RecentItem item) {
    MenuItem open = new MenuItem("Open");
    open.setId("recent-open");
    open.setDisable(item.missing());
    open.setOnAction(e -> recent.open(item));
    MenuItem edit = new MenuItem("Import with other settings\u2026");
    edit.setId("recent-edit");
    edit.setDisable(item.missing());
    edit.setOnAction(e -> recent.edit(item));
    MenuItem remove = new MenuItem("Remove from list");
    remove.setId("recent-remove");
    remove.setOnAction(e -> recent.remove(item));
    return new ContextMenu(open, edit, remove);
  }

  /** @return the tree */
  public TreeView<Object> tree() {
    return tree;
  }
}
