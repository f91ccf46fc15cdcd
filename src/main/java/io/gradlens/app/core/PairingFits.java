package io.gradlens.app.core;

import io.gradlens.data.Dataset;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.explain.FitReport;
import io.gradlens.workflow.explain.ModelDatasetFit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last few {@link ModelDatasetFit#fit} reports, keyed by the very model and dataset objects
 * (a dataset with other edits is another object and is checked again): the vocabulary coverage
 * reads the whole test split, and every guarded computation asks. Thread-safe.
 */
final class PairingFits {

  private static final int KEPT = 8;

  private record Entry(Classifier model, Dataset data, FitReport report) {
  }

  private final Deque<Entry> recent = new ArrayDeque<>();

  /** @return the fit of {@code model} on {@code data}, computed on first use */
  FitReport of(Classifier model, Dataset data) {
    synchronized (recent) {
      for (Entry e : recent) {
        if (e.model() == model && e.data() == data) {
          return e.report();
        }
      }
    }
    FitReport report = ModelDatasetFit.fit(model, data);
    synchronized (recent) {
      recent.addFirst(new Entry(model, data, report));
      while (recent.size() > KEPT) {
        recent.removeLast();
      }
    }
    return report;
  }
}
