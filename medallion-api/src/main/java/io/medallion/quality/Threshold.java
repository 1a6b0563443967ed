package io.medallion.quality;

/**
 * A bound for a dataset metric: a fixed number, or relative to the metric's history ("the average
 * of the last 10 runs minus 0.05").
 *
 * <pre>{@code
 * Threshold fixed = Threshold.of(0.95);
 * Threshold relative = Threshold.historicalMean(10, -0.05);
 * }</pre>
 *
 * @param value the fixed bound, or the offset added to the historical mean
 * @param window how many past runs the mean covers; 0 for a fixed bound
 */
public record Threshold(double value, int window) {
  /**
   * Validates the threshold.
   *
   * @param value the bound or offset
   * @param window the history window, 0 for fixed
   */
  public Threshold {
    if (!Double.isFinite(value) || window < 0) {
      throw new IllegalArgumentException(
          "Invalid threshold "
              + value
              + " over "
              + window
              + " runs: expected a finite value and"
              + " a window >= 0");
    }
  }

  /**
   * A fixed bound.
   *
   * @param value the bound
   * @return the threshold
   */
  public static Threshold of(double value) {
    return new Threshold(value, 0);
  }

  /**
   * The mean of the metric over the last runs, plus an offset.
   *
   * @param runs how many past runs, at least 1
   * @param offset added to the mean, e.g. -0.05
   * @return the threshold
   */
  public static Threshold historicalMean(int runs, double offset) {
    if (runs < 1) {
      throw new IllegalArgumentException("A historical threshold needs runs >= 1, got " + runs);
    }
    return new Threshold(offset, runs);
  }

  /**
   * Tells whether the bound depends on history.
   *
   * @return true for a historical mean
   */
  public boolean relative() {
    return window > 0;
  }

  @Override
  public String toString() {
    if (!relative()) {
      return Double.toString(value);
    }
    String offset = value == 0 ? "" : (value > 0 ? " + " : " - ") + Math.abs(value);
    return "mean of last " + window + " runs" + offset;
  }
}
