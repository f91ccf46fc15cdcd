package io.gradlens.app.core;

import io.gradlens.app.service.HiddenStateService;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.HiddenStateOptions;
import io.gradlens.workflow.hidden.HiddenStateReading;
import io.gradlens.workflow.hidden.HiddenStateSample;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import java.io.IOException;
import java.util.List;

/**
 * {@link HiddenStateService} over {@link HiddenStateWorkflow} with
 * {@link HiddenStateOptions#defaults()} (first recurrent layer, mean over units, automatic
 * chunking) on the workspace's current model: the same numbers as {@code gradlens hidden-grad}
 * (with {@code --units} / {@code --top-units} for a unit selection).
 */
public final class CoreHiddenStateService implements HiddenStateService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (current model) */
  public CoreHiddenStateService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public HiddenStateGradientMap map(String text, ProgressListener progress,
      CancellationToken cancel) throws IOException {
    return workflow(cancel).map(text, progress, cancel);
  }

  @Override
  public HiddenStateReading read(String text, HiddenUnitSelection units,
      ProgressListener progress, CancellationToken cancel) throws IOException {
    return workflow(cancel).read(text, units, progress, cancel);
  }

  @Override
  public HiddenStateSample sample(List<String> texts, int size, long seed,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return workflow(cancel).sample(texts, size, seed, progress, cancel);
  }

  private HiddenStateWorkflow workflow(CancellationToken cancel) throws IOException {
    CoreWorkspace.startNd4j();
    cancel.throwIfCancelled();
    String name = workspace.currentModelEntry().map(e -> e.name()).orElse("The current model");
    var model = workspace.currentModel();
    workspace.requireFitWithShownDataset(model);
    return new HiddenStateWorkflow(model, name, HiddenStateOptions.defaults());
  }
}
