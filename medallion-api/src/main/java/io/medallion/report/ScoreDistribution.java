package io.medallion.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A histogram of row scores in ten fixed buckets: {@code [0.0, 0.1)}, {@code [0.1, 0.2)}, ...,
 * {@code [0.9, 1.0]} (the last bucket includes 1.0).
 *
 * <pre>{@code
 * ScoreDistribution scores = ScoreDistribution.of(0.05, 0.95, 1.0);
 * scores.counts(); // [1, 0, 0, 0, 0, 0, 0, 0, 0, 2]
 * }</pre>
 *
 * @param counts the number of rows per bucket, exactly {@value #BUCKETS} non-negative counts
 */
public record ScoreDistribution(List<Long> counts) {

  /** The number of buckets. */
  public static final int BUCKETS = 10;

  /**
   * Validates and copies the counts.
   *
   * <pre>{@code
   * new ScoreDistribution(Collections.nCopies(10, 0L));
   * }</pre>
   *
   * @param counts the counts per bucket
   * @throws IllegalArgumentException when there are not exactly {@value #BUCKETS} counts or one is
   *     negative
   */
  public ScoreDistribution {
    counts = List.copyOf(counts);
    if (counts.size() != BUCKETS) {
      throw new IllegalArgumentException(
          "Invalid score distribution: expected "
              + BUCKETS
              + " bucket counts, got "
              + counts.size());
    }
    for (int i = 0; i < BUCKETS; i++) {
      Checks.count("count of score bucket " + label(i), counts.get(i));
    }
  }

  /**
   * Returns a distribution with no rows.
   *
   * <pre>{@code
   * ScoreDistribution.empty().total(); // 0
   * }</pre>
   *
   * @return all buckets zero
   */
  public static ScoreDistribution empty() {
    return new ScoreDistribution(Collections.nCopies(BUCKETS, 0L));
  }

  /**
   * Counts the given scores.
   *
   * <pre>{@code
   * ScoreDistribution.of(0.1, 0.15).counts().get(1); // 2
   * }</pre>
   *
   * @param scores row scores, each in [0, 1]
   * @return the histogram
   * @throws IllegalArgumentException when a score is outside [0, 1]
   */
  public static ScoreDistribution of(double... scores) {
    long[] counts = new long[BUCKETS];
    for (double score : scores) {
      counts[bucketOf(score)]++;
    }
    return ofCounts(counts);
  }

  /**
   * Finds the bucket a score falls in. Bounds are compared as the decimals they are printed as, so
   * a score of exactly 0.3 lands in {@code [0.3, 0.4)} as its label says.
   *
   * <pre>{@code
   * ScoreDistribution.bucketOf(0.3); // 3
   * ScoreDistribution.bucketOf(1.0); // 9
   * }</pre>
   *
   * @param score a score in [0, 1]
   * @return the bucket index, 0 to {@value #BUCKETS} - 1
   * @throws IllegalArgumentException when the score is outside [0, 1] or not a number
   */
  public static int bucketOf(double score) {
    Checks.share("score", score);
    int bucket = BUCKETS - 1;
    while (score < lowerBound(bucket)) {
      bucket--;
    }
    return bucket;
  }

  /**
   * Returns the lowest score of a bucket.
   *
   * <pre>{@code
   * ScoreDistribution.lowerBound(3); // 0.3
   * }</pre>
   *
   * @param bucket the bucket index
   * @return {@code bucket / 10.0}
   */
  public static double lowerBound(int bucket) {
    Objects.checkIndex(bucket, BUCKETS);
    return bucket / (double) BUCKETS;
  }

  /**
   * Returns a bucket's bounds as text.
   *
   * <pre>{@code
   * ScoreDistribution.label(0); // "[0.0, 0.1)"
   * ScoreDistribution.label(9); // "[0.9, 1.0]"
   * }</pre>
   *
   * @param bucket the bucket index
   * @return the half-open interval, closed for the last bucket
   */
  public static String label(int bucket) {
    Objects.checkIndex(bucket, BUCKETS);
    return String.format(
        Locale.ROOT,
        "[%.1f, %.1f%s",
        lowerBound(bucket),
        (bucket + 1) / (double) BUCKETS,
        bucket == BUCKETS - 1 ? "]" : ")");
  }

  /**
   * Returns the number of rows counted.
   *
   * <pre>{@code
   * ScoreDistribution.of(0.5, 0.7).total(); // 2
   * }</pre>
   *
   * @return the sum of all buckets
   */
  public long total() {
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  static ScoreDistribution ofCounts(long[] counts) {
    List<Long> list = new ArrayList<>(counts.length);
    for (long count : counts) {
      list.add(count);
    }
    return new ScoreDistribution(list);
  }
}
