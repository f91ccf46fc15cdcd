package io.gradlens.app.fakes;

import io.gradlens.app.service.HiddenStateService;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.HiddenStateSample;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import io.gradlens.workflow.hidden.NoRecurrentLayerException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: whitespace tokens; G[t][s] = length of token s × (s + 1) for s ≤ t, 0 after
 * (causal); r(h_t) = length of token t; c[t] = the Euclidean norm of row t. Can pretend the model
 * has no recurrent layer.
 */
public final class FakeHiddenStateService implements HiddenStateService {

  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean recurrent = true;
  private volatile boolean cancelledMidway;

  /** Makes subsequent calls end as if cancelled from outside (e.g. the status bar's Cancel). */
  public void setCancelledMidway(boolean cancelled) {
    cancelledMidway = cancelled;
  }

  /** Makes subsequent calls report a model without a recurrent layer (or not). */
  public void setRecurrent(boolean hasRecurrentLayer) {
    recurrent = hasRecurrentLayer;
  }

  /** @return number of calls */
  public int calls() {
    return calls.get();
  }

  /** @return G[t][s] of the fake for {@code tokens} */
  public static double value(List<String> tokens, int t, int s) {
    return s <= t ? tokens.get(s).length() * (s + 1.0) : 0;
  }

  @Override
  public HiddenStateGradientMap map(String text, ProgressListener progress,
      CancellationToken cancel) {
    calls.incrementAndGet();
    cancel.throwIfCancelled();
    if (cancelledMidway) {
      throw new CancellationToken.CancelledException();
    }
    if (!recurrent) {
      throw new NoRecurrentLayerException("fake-cnn has no recurrent layer");
    }
    List<String> tokens = FakeTextSaliencyService.tokenize(text);
    int n = tokens.size();
    double[][] map = new double[n][n];
    double[] hidden = new double[n];
    double[] curve = new double[n];
    for (int t = 0; t < n; t++) {
      double sq = 0;
      for (int s = 0; s < n; s++) {
        map[t][s] = value(tokens, t, s);
        sq += map[t][s] * map[t][s];
      }
      hidden[t] = tokens.get(t).length();
      curve[t] = Math.sqrt(sq);
    }
    progress.progress(n, n, "done");
    return new HiddenStateGradientMap(tokens, new int[n], "lstm", "mean", hidden, curve, map,
        Map.of());
  }

  /** The workflow's sampling over this fake's maps. */
  @Override
  public HiddenStateSample sample(List<String> texts, int size, long seed,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return HiddenStateWorkflow.sample(texts, size, seed, this::map, progress, cancel);
  }
}
