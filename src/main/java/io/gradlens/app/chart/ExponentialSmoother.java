package io.gradlens.app.chart;

/**
 * Bias-corrected exponential moving average (as in TensorBoard's smoothing), NaN-skipping.
 * Not thread-safe.
 */
public final class ExponentialSmoother {

  private final double weight;
  private double average;
  private int count;

  /** @param weight smoothing weight in [0, 1): 0 means no smoothing */
  public ExponentialSmoother(double weight) {
    if (!(weight >= 0 && weight < 1)) {
      throw new IllegalArgumentException("weight must be in [0,1): " + weight);
    }
    this.weight = weight;
  }

  /**
   * Adds a value.
   *
   * @return the smoothed value so far (NaN input leaves the average unchanged)
   */
  public double add(double value) {
    if (Double.isFinite(value)) {
      average = weight * average + (1 - weight) * value;
      count++;
    }
    return current();
  }

  /** @return the bias-corrected average, NaN before the first finite value */
  public double current() {
    if (count == 0) {
      return Double.NaN;
    }
    return average / (1 - Math.pow(weight, count));
  }

  /** Forgets all values. */
  public void reset() {
    average = 0;
    count = 0;
  }
}
