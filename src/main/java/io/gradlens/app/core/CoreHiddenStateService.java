package io.gradlens.app.core;

import io.gradlens.app.service.HiddenStateResult;
import io.gradlens.app.service.HiddenStateService;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Layer;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

/**
 * Hidden-state gradients through {@link HiddenStateGradients#defaults()} (first recurrent layer,
 * mean over units, automatic chunking) on the workspace's current model: the same numbers as
 * {@code gradlens hidden-grad --text}.
 */
public final class CoreHiddenStateService implements HiddenStateService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (current model) */
  public CoreHiddenStateService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public HiddenStateResult map(String text, ProgressListener progress, CancellationToken cancel)
      throws Exception {
    CoreWorkspace.startNd4j();
    cancel.throwIfCancelled();
    Classifier model = workspace.currentModel();
    String name = workspace.currentModelEntry().map(e -> e.name()).orElse("The current model");
    if (!model.isText()) {
      throw new NoRecurrentLayerException(name + " reads " + model.describeInput()
          + "; it has no recurrent layer, so there are no hidden states over time.");
    }
    if (model.network().layers().stream().noneMatch(l -> l instanceof RecurrentLayer)) {
      throw new NoRecurrentLayerException(name + " has no recurrent layer (SimpleRNN, LSTM or "
          + "GRU); its layers are " + model.network().layers().stream().map(Layer::name)
          .toList() + ".");
    }
    HiddenStateGradientMap m = HiddenStateGradients.defaults().attribute(model, text, progress,
        cancel);
    return new HiddenStateResult(m.tokens(), m.layer(), m.reduction(), m.hidden(), m.curve(),
        m.map());
  }
}
