package io.medallion.core.internal.quality;

import java.util.List;

/**
 * Median and median absolute deviation: a jump detector that a few earlier outliers cannot fool,
 * unlike mean and standard deviation.
 *
 * <pre>{@code
 * double z = RobustStatistics.modifiedZScore(List.of(0.97, 0.98, 0.97, 0.96), 0.70); // large
 * }</pre>
 */
public final class RobustStatistics {
  /** Scales the MAD to a standard deviation for normally distributed data. */
  private static final double MAD_TO_SIGMA = 0.6745;

  /** Scales the mean absolute deviation likewise, for when the MAD is zero. */
  private static final double MEAN_AD_TO_SIGMA = 1.253314;

  private RobustStatistics() {}

  /**
   * Returns the median.
   *
   * @param values the values; not empty
   * @return the median
   */
  public static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalArgumentException("Cannot take the median of no values");
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * Returns the median absolute deviation from the median.
   *
   * @param values the values; not empty
   * @return the MAD
   */
  public static double mad(List<Double> values) {
    double median = median(values);
    return median(values.stream().map(v -> Math.abs(v - median)).toList());
  }

  /**
   * Returns the modified z-score of a new value against a history (Iglewicz and Hoaglin): above 3.5
   * is the usual mark of an outlier. When more than half the history sits on the median (MAD 0),
   * the mean absolute deviation stands in; a perfectly flat history gives 0 for the same value and
   * infinity for any other.
   *
   * @param history earlier values; not empty
   * @param value the new value
   * @return the score, non-negative
   */
  public static double modifiedZScore(List<Double> history, double value) {
    double median = median(history);
    double distance = Math.abs(value - median);
    double mad = mad(history);
    if (mad > 0) {
      return MAD_TO_SIGMA * distance / mad;
    }
    double meanDeviation =
        history.stream().mapToDouble(v -> Math.abs(v - median)).average().orElse(0);
    if (meanDeviation > 0) {
      return distance / (MEAN_AD_TO_SIGMA * meanDeviation);
    }
    return distance < 1e-12 ? 0 : Double.POSITIVE_INFINITY;
  }
}
