package io.medallion.core.internal.silver;

import java.time.OffsetDateTime;

/**
 * The latest row of a de-duplication key in a batch: what de-duplication compares, and where the
 * row was written, for a positional delete if a later row or an existing one wins. One of these
 * stays in memory per key (until the batch spills), so times are epoch microseconds, not objects.
 *
 * @param order the order column's value ({@link #orderKey}), or null
 * @param ingestedMicros when the row was ingested, in epoch microseconds
 * @param sequence its position within its bronze batch
 * @param path the data file it was written to
 * @param position its position in that file
 * @param hash the row's {@link RowHash}
 * @param datasetValues the columns dataset rules read, or null when none do
 */
record Kept(
    Object order,
    long ingestedMicros,
    long sequence,
    String path,
    long position,
    long hash,
    Object[] datasetValues) {

  /** Timestamps compare as epoch microseconds (Iceberg's precision); other values as they are. */
  static Object orderKey(Object value) {
    return value instanceof OffsetDateTime time ? micros(time) : value;
  }

  /** Epoch microseconds; a missing time sorts first, as null does in {@link #compareOrder}. */
  static long micros(Object time) {
    if (!(time instanceof OffsetDateTime timestamp)) {
      return Long.MIN_VALUE;
    }
    return timestamp.toEpochSecond() * 1_000_000L + timestamp.getNano() / 1_000;
  }

  /** Compares order values, null first. */
  static int compareOrder(Object left, Object right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    @SuppressWarnings("unchecked")
    Comparable<Object> comparable = (Comparable<Object>) left;
    return comparable.compareTo(right);
  }

  /**
   * Whether a row with these values is later than another of its key in the same batch: by the
   * order column, then by ingestion time, then by position in its batch. A tie keeps the earlier
   * row.
   */
  static boolean isLater(Object order, long ingestedMicros, long sequence, Kept other) {
    int byOrder = compareOrder(order, other.order);
    if (byOrder != 0) {
      return byOrder > 0;
    }
    int byTime = Long.compare(ingestedMicros, other.ingestedMicros);
    return byTime != 0 ? byTime > 0 : sequence > other.sequence;
  }

  boolean isLaterThan(Kept other) {
    return isLater(order, ingestedMicros, sequence, other);
  }

  /**
   * Whether this incoming row replaces an existing one: unless the existing one is strictly later.
   *
   * @param existingOrder the existing row's {@link #orderKey}
   * @param existingIngestedMicros when the existing row was ingested
   * @param ordered whether the table orders by a column
   */
  boolean winsOver(Object existingOrder, long existingIngestedMicros, boolean ordered) {
    if (ordered) {
      int byOrder = compareOrder(order, existingOrder);
      if (byOrder != 0) {
        return byOrder > 0;
      }
    }
    return Long.compare(ingestedMicros, existingIngestedMicros) >= 0;
  }
}
