package io.medallion.table;

import java.util.Locale;
import java.util.Objects;

/**
 * One aggregate column of a gold table.
 *
 * <pre>{@code
 * Measure avgAge = new Measure("avg_age", Measure.Function.AVG, "age");
 * }</pre>
 *
 * @param name the output column
 * @param function the aggregate function
 * @param column the input column; null for {@link Function#COUNT} and {@link
 *     Function#CUMULATIVE_COUNT}
 */
public record Measure(String name, Function function, String column) {

  /** The aggregate functions. */
  public enum Function {
    /** Rows in the group. */
    COUNT,
    /** Distinct non-null values in the group. */
    COUNT_DISTINCT,
    /** Sum of non-null values. */
    SUM,
    /** Mean of non-null values. */
    AVG,
    /** Smallest non-null value. */
    MIN,
    /** Largest non-null value. */
    MAX,
    /** Rows in this and every earlier time bucket of the same group. */
    CUMULATIVE_COUNT
  }

  /**
   * Validates the measure.
   *
   * @param name the output column
   * @param function the function
   * @param column the input column
   */
  public Measure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    boolean needsColumn = function != Function.COUNT && function != Function.CUMULATIVE_COUNT;
    if (needsColumn != (column != null)) {
      throw new IllegalArgumentException(
          "Measure '"
              + name
              + "': "
              + function
              + (needsColumn ? " needs an input column" : " takes no input column"));
    }
  }

  @Override
  public String toString() {
    String fn = function.name().toLowerCase(Locale.ROOT);
    return name + " = " + fn + "(" + (column == null ? "*" : column) + ")";
  }
}
