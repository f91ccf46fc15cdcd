package io.gradlens.app.pairing;

import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.workflow.explain.FitReport;
import javafx.geometry.Insets;
import javafx.scene.control.Label;

/**
 * The line above the analysis tabs that says, in plain words, that the current model was not
 * made for the current dataset (red: no predictions, nothing computed) or what is doubtful about
 * the pair (amber: e.g. few known words). Hidden when the pair fits or is not known yet.
 */
public final class PairingBanner extends Label {

  /** Style class of a refused pair. */
  public static final String INCOMPATIBLE = "pairing-incompatible";
  /** Style class of a pair with warnings. */
  public static final String WARNING = "pairing-warning";

  private final WorkbenchModel workbench;

  /** @param workbench whose pairing fit is shown */
  public PairingBanner(WorkbenchModel workbench) {
    this.workbench = workbench;
    setId("pairing-banner");
    setWrapText(true);
    setMaxWidth(Double.MAX_VALUE);
    setPadding(new Insets(6, 10, 6, 10));
    managedProperty().bind(visibleProperty());
    workbench.pairingFitProperty().addListener(o -> update());
    update();
  }

  private void update() {
    FitReport fit = workbench.pairingFitProperty().get();
    String text = fit == null ? "" : describe(fit, workbench.currentModelProperty().get(),
        workbench.currentDatasetProperty().get());
    getStyleClass().removeAll(INCOMPATIBLE, WARNING);
    setText(text);
    setVisible(!text.isEmpty());
    if (text.isEmpty()) {
      return;
    }
    boolean refused = !fit.compatible();
    getStyleClass().add(refused ? INCOMPATIBLE : WARNING);
    setStyle(refused ? "-fx-background-color: #fde2e1; -fx-text-fill: #8a1c14;"
        : "-fx-background-color: #fff4d6; -fx-text-fill: #6b4e00;");
  }

  /**
   * @return the banner's text for {@code fit} of {@code model} on {@code dataset}; empty when
   *     there is nothing to say
   */
  static String describe(FitReport fit, WorkspaceEntry model, WorkspaceEntry dataset) {
    String modelName = model == null ? "The model" : "\u201c" + model.name() + "\u201d";
    String datasetName = dataset == null ? "this dataset" : "\u201c" + dataset.name() + "\u201d";
    if (!fit.compatible()) {
      return modelName + " was not made for " + datasetName + ": " + fit.reasonLine()
          + ". No predictions are shown and the analysis tabs compute nothing; choose a model "
          + "trained on this dataset, or another dataset.";
    }
    if (!fit.warnings().isEmpty()) {
      return modelName + " on " + datasetName + ": " + fit.warningLine() + ".";
    }
    return "";
  }
}
