package io.gradlens.app.hidden;

import io.gradlens.workflow.hidden.CurveBand;
import io.gradlens.workflow.hidden.HiddenStateSample;
import java.util.Objects;

/**
 * The hidden-state curves of a sample of sequences as the tab shows them: the mean hidden state
 * r(h_t) and the gradient curve c[t], each summarised step by step as a {@link CurveBand}.
 *
 * @param hidden r(h_t) over the sample
 * @param gradient c[t] over the sample
 * @param dataset name of the sampled dataset
 */
public record DatasetCurves(CurveBand hidden, CurveBand gradient, String dataset) {

  /** Checks the parts. */
  public DatasetCurves {
    Objects.requireNonNull(hidden, "hidden");
    Objects.requireNonNull(gradient, "gradient");
    Objects.requireNonNull(dataset, "dataset");
  }

  /** The 10th–90th percentile bands of a sample of {@code dataset}. */
  public static DatasetCurves of(HiddenStateSample sample, String dataset) {
    return new DatasetCurves(sample.hiddenBand(), sample.gradientBand(), dataset);
  }

  /** @return number of sequences */
  public int sequences() {
    return gradient.curves();
  }
}
