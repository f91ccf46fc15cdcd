package io.gradlens.app.core;

import io.gradlens.data.Dataset;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.explain.ExampleSelection;

/**
 * The first examples of a dataset's test split as inputs of a classifier, chosen and checked by
 * the workflow's {@link ExampleSelection} exactly as the command line's {@code --split test
 * --limit N}.
 */
final class TestSplitInputs {

  private TestSplitInputs() {
  }

  /**
   * @param limit at most this many examples (at least 1)
   * @throws io.gradlens.workflow.explain.ModelDatasetMismatchException when the model does not
   *     read this dataset
   */
  static AttributionInputs of(Classifier model, Dataset data, int limit) {
    return ExampleSelection.split(model, data, "test", Math.max(1, limit)).inputs();
  }
}
