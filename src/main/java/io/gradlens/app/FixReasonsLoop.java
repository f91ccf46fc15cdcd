package io.gradlens.app;

import io.gradlens.app.data.DataViewModel;
import io.gradlens.app.saliency.SaliencyViewModel;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TrainingResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.training.TrainingViewModel;

/**
 * The fix-the-reasons loop across tabs (Ross, Hughes and Doshi-Velez, IJCAI 2017): after tokens or
 * pixels were marked "must not matter" in the Saliency tab, "Retrain with constraint…" presets the
 * Training tab with the explanation penalty on the current dataset (whose edits carry the marks);
 * when that run is done and its model is current, the Saliency tab is shown comparing the new
 * model with the old one on the same example, and the Data tab shows how test accuracy changed.
 * Holds no nodes.
 */
public final class FixReasonsLoop {

  private final WorkbenchModel workbench;
  private final TrainingViewModel training;
  private final SaliencyViewModel saliency;
  private final DataViewModel data;
  private final Runnable showTraining;
  private final Runnable showSaliency;
  private WorkspaceEntry baseline;
  /** The constrained run's model and the model it is compared with, until it becomes current. */
  private WorkspaceEntry pendingAfter;
  private WorkspaceEntry pendingBefore;

  /**
   * @param workbench current dataset, model and example
   * @param training the Training tab's state
   * @param saliency the Saliency tab's state
   * @param data the Data tab's state
   * @param showTraining selects the Training tab
   * @param showSaliency selects the Saliency tab
   */
  public FixReasonsLoop(WorkbenchModel workbench, TrainingViewModel training,
      SaliencyViewModel saliency, DataViewModel data, Runnable showTraining,
      Runnable showSaliency) {
    this.workbench = workbench;
    this.training = training;
    this.saliency = saliency;
    this.data = data;
    this.showTraining = showTraining;
    this.showSaliency = showSaliency;
    workbench.currentModelProperty().addListener((o, a, b) -> {
      if (b != null && b.equals(pendingAfter)) {
        openComparison();
      }
    });
  }

  /**
   * Presets the Training tab with the explanation penalty for the current dataset and shows it;
   * the current model becomes the baseline the retrained one is compared with.
   */
  public void retrainWithConstraint() {
    WorkspaceEntry dataset = workbench.currentDatasetProperty().get();
    if (dataset == null) {
      return;
    }
    baseline = workbench.currentModelProperty().get();
    SaliencyResult shown = saliency.resultProperty().get();
    training.presetConstraint(dataset.id(), shown != null && shown.isImage());
    showTraining.run();
  }

  /**
   * Called on the UI thread when a run finished, before its model becomes current: a run with the
   * penalty after {@link #retrainWithConstraint()} sets up the comparisons with the baseline, and
   * once the new model is current (it loads in the background) the Saliency tab opens comparing
   * the two. Setting the comparison only then keeps it from comparing the old model with itself
   * and from being dropped as a stale choice while the old model is still current.
   */
  public void trained(TrainingResult result) {
    WorkspaceEntry before = baseline;
    if (before == null || training.penaltyLambdaProperty().get() <= 0) {
      return;
    }
    baseline = null;
    data.compareAfterNextLoad(before.name(), result.model().name());
    pendingBefore = before;
    pendingAfter = result.model();
    if (result.model().equals(workbench.currentModelProperty().get())) {
      openComparison();
    }
  }

  private void openComparison() {
    WorkspaceEntry before = pendingBefore;
    pendingBefore = null;
    pendingAfter = null;
    saliency.compareModelProperty().set(before);
    showSaliency.run();
  }

  /** @return the model the next constrained run is compared with, or null */
  public WorkspaceEntry baseline() {
    return baseline;
  }
}
