package io.gradlens.app.hidden;

import java.util.List;
import java.util.Objects;

/**
 * The hidden-state curves of a sample of sequences: the mean hidden state r(h_t) and the gradient
 * curve c[t], each summarised step by step as a {@link CurveBand}.
 *
 * @param hidden r(h_t) over the sample
 * @param gradient c[t] over the sample
 * @param dataset name of the sampled dataset
 */
public record DatasetCurves(CurveBand hidden, CurveBand gradient, String dataset) {

  /** Default quantiles of the band: the 10th and 90th percentile. */
  public static final double LOW = 0.1;
  /** Upper quantile of the band. */
  public static final double HIGH = 0.9;

  /** Checks the parts. */
  public DatasetCurves {
    Objects.requireNonNull(hidden, "hidden");
    Objects.requireNonNull(gradient, "gradient");
    Objects.requireNonNull(dataset, "dataset");
  }

  /**
   * Summarises per-sequence curves with the 10th–90th percentile band.
   *
   * @param hidden r(h_t) of each sequence
   * @param gradient c[t] of each sequence
   * @param dataset the dataset's name
   */
  public static DatasetCurves of(List<double[]> hidden, List<double[]> gradient, String dataset) {
    return new DatasetCurves(CurveBand.of(hidden, LOW, HIGH), CurveBand.of(gradient, LOW, HIGH),
        dataset);
  }

  /** @return number of sequences */
  public int sequences() {
    return gradient.curves();
  }
}
