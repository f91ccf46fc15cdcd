package io.gradlens.app;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * App-level view model: state shared by all tabs (the current example, dataset and model).
 * Holds no nodes.
 */
public final class WorkbenchModel {

  private final ObjectProperty<Example> currentExample =
      new SimpleObjectProperty<>(this, "currentExample");
  private final ObjectProperty<WorkspaceEntry> currentDataset =
      new SimpleObjectProperty<>(this, "currentDataset");
  private final ObjectProperty<WorkspaceEntry> currentModel =
      new SimpleObjectProperty<>(this, "currentModel");

  /** @return the example the analysis tabs explain (set by the Data tab) */
  public ObjectProperty<Example> currentExampleProperty() {
    return currentExample;
  }

  /** @return the dataset shown in the Data tab */
  public ObjectProperty<WorkspaceEntry> currentDatasetProperty() {
    return currentDataset;
  }

  /** @return the model used for predictions and explanations */
  public ObjectProperty<WorkspaceEntry> currentModelProperty() {
    return currentModel;
  }
}
