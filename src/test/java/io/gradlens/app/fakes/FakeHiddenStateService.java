package io.gradlens.app.fakes;

import io.gradlens.app.service.HiddenStateService;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenUnitCurves;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.hidden.HiddenStateReading;
import io.gradlens.workflow.hidden.HiddenStateSample;
import io.gradlens.workflow.hidden.HiddenStateWorkflow;
import io.gradlens.workflow.hidden.NoRecurrentLayerException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Test double: whitespace tokens; G[t][s] = length of token s × (s + 1) for s ≤ t, 0 after
 * (causal); r(h_t) = length of token t; c[t] = the Euclidean norm of row t. Can pretend the model
 * has no recurrent layer. Its layer has {@value #UNITS} units: unit u has h_t,u = length of token
 * t + u and curve (u + 1)·c[t]; by activation unit u scores u, by gradient {@value #UNITS} − u. The
 * map of a unit selection is unit u's: (u + 1)·G. Readings predict "positive" with p = 0.9 for an
 * even number of tokens, else "negative" with p = 0.6; tokens starting with
 * {@link FakeTextSaliencyService#OOV_PREFIX} are out of vocabulary. Texts of more than
 * {@value #TOKEN_LIMIT} tokens are refused.
 */
public final class FakeHiddenStateService implements HiddenStateService {

  /** The fake model's token limit: longer texts are refused as the workflow refuses them. */
  public static final int TOKEN_LIMIT = 500;
  /** Units of the fake's recurrent layer. */
  public static final int UNITS = 8;

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
    if (n > TOKEN_LIMIT) {
      throw new IllegalArgumentException("the text's " + n + " tokens exceeds the limit of "
          + TOKEN_LIMIT + " tokens");
    }
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

  @Override
  public HiddenStateReading read(String text, HiddenUnitSelection selection,
      ProgressListener progress, CancellationToken cancel) {
    HiddenStateGradientMap mean = map(text, progress, cancel);
    List<String> tokens = mean.tokens();
    int n = tokens.size();
    HiddenUnitCurves units = null;
    HiddenStateGradientMap shown = mean;
    if (selection != null) {
      double[] scores = new double[UNITS];
      int[] chosen;
      if (selection.ranked()) {
        for (int u = 0; u < UNITS; u++) {
          scores[u] = selection.rankBy() == HiddenUnitSelection.Ranking.ACTIVATION ? u : UNITS - u;
        }
        chosen = IntStream.range(0, selection.top()).map(i ->
            selection.rankBy() == HiddenUnitSelection.Ranking.ACTIVATION ? UNITS - 1 - i : i)
            .toArray();
      } else {
        chosen = selection.units().stream().mapToInt(Integer::intValue).toArray();
        for (int u : chosen) {
          if (u >= UNITS) {
            throw new IllegalArgumentException("unit " + u + " does not exist: layer 'lstm' has "
                + UNITS + " units");
          }
        }
      }
      double[][] hidden = new double[chosen.length][n];
      double[][] curves = new double[chosen.length][n];
      for (int i = 0; i < chosen.length; i++) {
        for (int t = 0; t < n; t++) {
          hidden[i][t] = tokens.get(t).length() + chosen[i];
          curves[i][t] = (chosen[i] + 1) * mean.curve()[t];
        }
      }
      units = new HiddenUnitCurves(tokens, "lstm", chosen, hidden, curves,
          selection.rankBy(), selection.ranked() ? scores : new double[0]);
      double factor = chosen[0] + 1;
      double[][] map = mean.map();
      for (double[] row : map) {
        for (int s = 0; s < n; s++) {
          row[s] *= factor;
        }
      }
      shown = new HiddenStateGradientMap(tokens, new int[n], "lstm", "unit:" + chosen[0],
          hidden[0], curves[0], map, Map.of());
    }
    java.util.Set<Integer> oov = new java.util.TreeSet<>();
    for (int i = 0; i < n; i++) {
      if (tokens.get(i).startsWith(FakeTextSaliencyService.OOV_PREFIX)) {
        oov.add(i);
      }
    }
    boolean even = n % 2 == 0;
    return new HiddenStateReading(shown, units, even ? "positive" : "negative", even ? 0.9 : 0.6,
        oov);
  }

  /** The workflow's sampling over this fake's maps. */
  @Override
  public HiddenStateSample sample(List<String> texts, int size, long seed,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return HiddenStateWorkflow.sample(texts, size, seed, this::map, progress, cancel);
  }
}
