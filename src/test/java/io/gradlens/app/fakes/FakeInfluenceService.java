package io.gradlens.app.fakes;

import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.TracInProjection;
import io.gradlens.app.service.InfluenceResult;
import io.gradlens.app.service.InfluenceService;
import io.gradlens.app.service.InfluentialExample;
import io.gradlens.app.service.MislabelSuspects;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Influence without the core: the score of training example {@code i} for test example {@code t}
 * is {@code (t + 1) · (k − i)} for proponents and its negative for opponents; self-influence is
 * {@code 1 / (i + 1)}. Both TracIns are unavailable unless {@link #checkpoints} says otherwise.
 */
public final class FakeInfluenceService implements InfluenceService {

  /** Whether TracIn is offered. */
  public boolean checkpoints;
  /**
   * Calls of {@link #explain}, as {@code datasetId|exampleId|method|top}, for projected TracIn
   * {@code datasetId|exampleId|method|top|layers|d}.
   */
  public final List<String> explained = new ArrayList<>();
  /** Thrown by {@link #explain} when set. */
  public RuntimeException failure;
  /** Calls of {@link #suspects}. */
  public int ranked;

  @Override
  public Optional<String> unavailable(InfluenceMethod method) {
    return method.needsCheckpoints() && !checkpoints
        ? Optional.of("no checkpoints: train with a CheckpointRecorder") : Optional.empty();
  }

  @Override
  public InfluenceResult explain(String datasetId, String exampleId, InfluenceMethod method,
      TracInProjection projection, int top, ProgressListener progress, CancellationToken cancel) {
    boolean projected = method == InfluenceMethod.TRACIN_PROJECTED;
    explained.add(datasetId + "|" + exampleId + "|" + method.id() + "|" + top + (projected
        ? "|" + projection.layers().id() + "|" + projection.dimension() : ""));
    if (failure != null) {
      throw failure;
    }
    int t = Integer.parseInt(exampleId.substring(exampleId.indexOf('/') + 1));
    List<InfluentialExample> pro = new ArrayList<>();
    List<InfluentialExample> opp = new ArrayList<>();
    for (int i = 0; i < top; i++) {
      pro.add(new InfluentialExample("train/" + i, "text " + i, null, "positive",
          (t + 1.0) * (top - i)));
      opp.add(new InfluentialExample("train/" + (100 + i), "text " + (100 + i), null, "negative",
          -(t + 1.0) * (top - i)));
    }
    return new InfluenceResult(method, exampleId, "positive", pro, opp,
        method == InfluenceMethod.REPRESENTER ? 0.99 : Double.NaN, 0.25, 3.0,
        method.needsCheckpoints() ? 2 : 0, false, projected ? projection : null);
  }

  @Override
  public MislabelSuspects suspects(String datasetId, InfluenceMethod method,
      TracInProjection projection, int top, ProgressListener progress, CancellationToken cancel) {
    ranked++;
    List<InfluentialExample> rows = new ArrayList<>();
    for (int i = 0; i < top; i++) {
      rows.add(new InfluentialExample("train/" + i, "text " + i, null, i % 2 == 0 ? "negative"
          : "positive", 1.0 / (i + 1)));
    }
    return new MislabelSuspects(method, datasetId, rows, List.of("negative", "positive"));
  }
}
