package io.gradlens.app;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.workflow.explain.FitReport;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * App-level view model: state shared by all tabs (the current example, dataset and model, and
 * whether that model was made for that dataset). Holds no nodes.
 */
public final class WorkbenchModel {

  private final ObjectProperty<Example> currentExample =
      new SimpleObjectProperty<>(this, "currentExample");
  private final ObjectProperty<WorkspaceEntry> currentDataset =
      new SimpleObjectProperty<>(this, "currentDataset");
  private final ObjectProperty<WorkspaceEntry> currentModel =
      new SimpleObjectProperty<>(this, "currentModel");
  private final ObjectProperty<FitReport> pairingFit =
      new SimpleObjectProperty<>(this, "pairingFit");

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

  /**
   * @return whether the current model was made for the current dataset
   *     ({@link io.gradlens.workflow.explain.ModelDatasetFit#fit}); {@code null} while unknown
   *     (no pair yet, or being checked)
   */
  public ObjectProperty<FitReport> pairingFitProperty() {
    return pairingFit;
  }

  /** @return whether the current pair is known not to fit */
  public boolean isIncompatible() {
    FitReport fit = pairingFit.get();
    return fit != null && !fit.compatible();
  }
}
