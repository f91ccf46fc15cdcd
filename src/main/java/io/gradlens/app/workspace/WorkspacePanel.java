package io.gradlens.app.workspace;

import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.service.WorkspaceEntry;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Side panel listing datasets and models in a tree, with an honest hint when no model is loaded,
 * and a "Details…" button showing the selected model's kind, inputs, classes and provenance.
 */
public final class WorkspacePanel extends VBox {

  private final WorkspaceViewModel model;
  private final TreeItem<Object> datasets = new TreeItem<>("Datasets");
  private final TreeItem<Object> models = new TreeItem<>("Models");
  private final TreeView<Object> tree = new TreeView<>();

  /**
   * @param model the view model
   * @param workbench shared state (for the current model hint)
   * @param openModel action of the "Open model…" link
   */
  public WorkspacePanel(WorkspaceViewModel model, WorkbenchModel workbench, Runnable openModel) {
    super(6);
    this.model = model;
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
    tree.setCellFactory(t -> new TreeCell<>() {
      @Override
      protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
          setText(null);
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

  /** @return the tree */
  public TreeView<Object> tree() {
    return tree;
  }
}
