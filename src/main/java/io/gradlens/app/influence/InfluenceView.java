package io.gradlens.app.influence;

import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.error.ErrorReporter;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The Influence tab: which training examples the current prediction rests on (example mode), or
 * which training examples look mislabelled, with edits to fix them (dataset mode, present when the
 * workbench has dataset edits).
 */
public final class InfluenceView extends BorderPane implements Exportable {

  private final ExampleInfluencePane examplePane;
  private final MislabelPane datasetPane;
  private final ToggleButton exampleMode = new ToggleButton("This example");
  private final ToggleButton datasetMode = new ToggleButton("Dataset: suspected mislabels");

  /**
   * @param model example mode's view model
   * @param mislabels dataset mode's view model, or {@code null} without dataset edits
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public InfluenceView(InfluenceViewModel model, MislabelViewModel mislabels, FilePrompt prompt,
      ErrorReporter errors) {
    setId("influence-view");
    examplePane = new ExampleInfluencePane(model, prompt, errors);
    datasetPane = mislabels == null ? null : new MislabelPane(mislabels, prompt, errors);
    exampleMode.setId("influence-mode-example");
    datasetMode.setId("influence-mode-dataset");
    ToggleGroup group = new ToggleGroup();
    exampleMode.setToggleGroup(group);
    datasetMode.setToggleGroup(group);
    exampleMode.setSelected(true);
    datasetMode.setDisable(datasetPane == null);
    group.selectedToggleProperty().addListener((o, a, b) -> {
      if (b == null) {
        a.setSelected(true);
      } else {
        setCenter(b == datasetMode ? datasetPane : examplePane);
        if (mislabels != null) {
          mislabels.shownProperty().set(b == datasetMode);
        }
      }
    });
    HBox modes = new HBox(0, exampleMode, datasetMode, new Label("   Representer points: Yeh "
        + "et al. 2018 \u00b7 TracIn: Pruthi et al. 2020 \u00b7 projection: Park et al. 2023 "
        + "(TRAK)"));
    modes.setPadding(new Insets(8, 8, 0, 8));
    setTop(modes);
    setCenter(examplePane);
  }

  /** Shows dataset mode ({@code true}) or example mode. */
  public void showDatasetMode(boolean dataset) {
    (dataset && datasetPane != null ? datasetMode : exampleMode).setSelected(true);
  }

  /** @return the bar chart of example mode (tests, screenshots) */
  public InfluenceBarChart chart() {
    return examplePane.chart();
  }

  @Override
  public void exportInteractively(Window owner) {
    if (getCenter() == datasetPane) {
      datasetPane.exportInteractively(owner);
    } else {
      examplePane.exportInteractively(owner);
    }
  }
}
