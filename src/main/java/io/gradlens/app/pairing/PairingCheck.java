package io.gradlens.app.pairing;

import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskRunner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link WorkbenchModel#pairingFitProperty()} current: whenever the current dataset or
 * model changes it is cleared and the pair is checked in the background
 * ({@link WorkspaceService#fit}); an answer about a pair that is no longer current is dropped.
 */
public final class PairingCheck {

  private static final Logger LOG = Logger.getLogger(PairingCheck.class.getName());

  private final WorkspaceService service;
  private final TaskRunner runner;
  private final WorkbenchModel workbench;
  private long generation;

  /**
   * Starts watching the workbench's current dataset and model.
   *
   * @param service checks a pair
   * @param runner background runner
   * @param workbench the state watched and updated
   */
  public PairingCheck(WorkspaceService service, TaskRunner runner, WorkbenchModel workbench) {
    this.service = service;
    this.runner = runner;
    this.workbench = workbench;
    workbench.currentDatasetProperty().addListener(o -> recheck());
    workbench.currentModelProperty().addListener(o -> recheck());
  }

  /** Checks the current pair again (e.g. after its dataset was edited). */
  public void recheck() {
    long mine = ++generation;
    workbench.pairingFitProperty().set(null);
    WorkspaceEntry dataset = workbench.currentDatasetProperty().get();
    WorkspaceEntry model = workbench.currentModelProperty().get();
    if (dataset == null || model == null) {
      return;
    }
    runner.submit("Check " + model.name() + " on " + dataset.name(),
        (progress, cancel) -> service.fit(dataset, model, progress, cancel),
        TaskCallbacks.of(fit -> {
          if (mine == generation) {
            workbench.pairingFitProperty().set(fit);
          }
        }, e -> LOG.log(Level.INFO, "Could not check " + model.name() + " on " + dataset.name(),
            e)));
  }
}
