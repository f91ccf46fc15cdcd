package io.gradlens.app.service;

import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.workflow.models.SensitivityOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The input sensitivity of a model over some rows of a dataset as the Sensitivity tab shows it:
 * the core's {@link SensitivityOutcome} flattened into one list of features, of which at most a
 * given number are shown (the most sensitive), with each row's gradients for them.
 *
 * @param model the model's name
 * @param dataset the dataset's name
 * @param output the differentiated output, e.g. {@code regression} or {@code logprob[predicted]}
 * @param classNames a classifier's classes (empty for a regression model)
 * @param features the shown features, in input order (for large inputs the most sensitive ones)
 * @param totalFeatures how many input entries the model has in all
 * @param rows the analysed rows with their per-feature gradients
 */
public record SensitivityResult(String model, String dataset, String output,
    List<String> classNames, List<FeatureSensitivity> features, int totalFeatures,
    List<SensitivityRow> rows) {

  /** Copies the lists and checks that every row has one gradient per feature. */
  public SensitivityResult {
    classNames = List.copyOf(classNames);
    features = List.copyOf(features);
    rows = List.copyOf(rows);
    for (SensitivityRow r : rows) {
      if (r.gradients().length != features.size()) {
        throw new IllegalArgumentException("row " + r.index() + " has " + r.gradients().length
            + " gradients for " + features.size() + " features");
      }
    }
  }

  /**
   * Flattens the outcome's inputs into one list of features and keeps the {@code maxShown} with
   * the largest mean |gradient| (in input order), with each row's gradients for them.
   *
   * @param model the model's name
   */
  public static SensitivityResult of(String model, SensitivityOutcome outcome, int maxShown) {
    List<FeatureSensitivity> all = new ArrayList<>();
    List<double[][]> gradients = new ArrayList<>();
    List<int[]> where = new ArrayList<>();
    for (InputGroupSensitivity g : outcome.report().inputs()) {
      double[] mean = g.mean();
      double[] meanAbs = g.meanAbsolute();
      for (int j = 0; j < g.features().size(); j++) {
        all.add(new FeatureSensitivity(g.input(), g.features().get(j), mean[j], meanAbs[j]));
        where.add(new int[] {gradients.size(), j});
      }
      gradients.add(g.gradients());
    }
    List<Integer> shown = IntStream.range(0, all.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -all.get(i).meanAbsolute()))
        .limit(maxShown).sorted().toList();
    double[] outputs = outcome.outputs();
    List<SensitivityRow> rows = new ArrayList<>();
    for (int r = 0; r < outcome.report().rows(); r++) {
      double[] g = new double[shown.size()];
      for (int k = 0; k < shown.size(); k++) {
        int[] at = where.get(shown.get(k));
        g[k] = gradients.get(at[0])[r][at[1]];
      }
      rows.add(new SensitivityRow(r, outputs[r], g));
    }
    return new SensitivityResult(model, outcome.dataset(), outcome.report().output(),
        outcome.classNames(), shown.stream().map(all::get).toList(), all.size(), rows);
  }

  /** @return true when only the most sensitive of more input entries are shown */
  public boolean isTruncated() {
    return features.size() < totalFeatures;
  }
}
