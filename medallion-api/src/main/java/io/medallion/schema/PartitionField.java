package io.medallion.schema;

import java.util.Objects;

/**
 * One field of a table's partitioning: a source column and a transform.
 *
 * <pre>{@code
 * PartitionField byMonth = PartitionField.month("registered_at");
 * PartitionField byBucket = PartitionField.bucket("user_id", 16);
 * }</pre>
 *
 * @param column the source column
 * @param transform how the column's value becomes a partition value
 * @param parameter the bucket count or truncation width; 0 for other transforms
 */
public record PartitionField(String column, Transform transform, int parameter) {

  /** How a column value is turned into a partition value. */
  public enum Transform {
    /** The value itself. */
    IDENTITY,
    /** The day of a date or timestamp. */
    DAY,
    /** The month of a date or timestamp. */
    MONTH,
    /** The year of a date or timestamp. */
    YEAR,
    /** A hash bucket; the parameter is the number of buckets. */
    BUCKET,
    /** A truncated value; the parameter is the width. */
    TRUNCATE
  }

  /**
   * Validates the field.
   *
   * @param column the source column
   * @param transform the transform
   * @param parameter the transform's parameter
   */
  public PartitionField {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(transform, "transform");
    boolean parameterized = transform == Transform.BUCKET || transform == Transform.TRUNCATE;
    if (parameterized && parameter < 1) {
      throw new IllegalArgumentException(
          "Invalid "
              + transform.name().toLowerCase(java.util.Locale.ROOT)
              + " partition on '"
              + column
              + "': the parameter must be >= 1, got "
              + parameter);
    }
  }

  /**
   * Partitions by the column's value.
   *
   * @param column the source column
   * @return the field
   */
  public static PartitionField identity(String column) {
    return new PartitionField(column, Transform.IDENTITY, 0);
  }

  /**
   * Partitions by day.
   *
   * @param column a date or timestamp column
   * @return the field
   */
  public static PartitionField day(String column) {
    return new PartitionField(column, Transform.DAY, 0);
  }

  /**
   * Partitions by month.
   *
   * @param column a date or timestamp column
   * @return the field
   */
  public static PartitionField month(String column) {
    return new PartitionField(column, Transform.MONTH, 0);
  }

  /**
   * Partitions by year.
   *
   * @param column a date or timestamp column
   * @return the field
   */
  public static PartitionField year(String column) {
    return new PartitionField(column, Transform.YEAR, 0);
  }

  /**
   * Partitions by hash bucket.
   *
   * @param column the source column
   * @param buckets the number of buckets
   * @return the field
   */
  public static PartitionField bucket(String column, int buckets) {
    return new PartitionField(column, Transform.BUCKET, buckets);
  }

  /**
   * Partitions by a truncated value.
   *
   * @param column the source column
   * @param width the truncation width
   * @return the field
   */
  public static PartitionField truncate(String column, int width) {
    return new PartitionField(column, Transform.TRUNCATE, width);
  }

  @Override
  public String toString() {
    String name = transform.name().toLowerCase(java.util.Locale.ROOT);
    return parameter > 0 ? name + "(" + column + ", " + parameter + ")" : name + "(" + column + ")";
  }
}
