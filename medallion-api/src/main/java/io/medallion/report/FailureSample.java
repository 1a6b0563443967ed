package io.medallion.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row that failed a rule, as shown to people: its values already masked, and where it came from
 * so it can be found in bronze.
 *
 * <pre>{@code
 * Masking masking = Masking.builder().email("email").build();
 * FailureSample sample =
 *     new FailureSample("users.json line 7, results[6]", masking.mask(Map.of("email", "jo@x.org")));
 * }</pre>
 *
 * @param sourceCoordinate where the row was read, e.g. {@code "users.json line 7, results[6]"}
 * @param values column name to masked value, in column order
 */
public record FailureSample(String sourceCoordinate, Map<String, String> values) {

  /**
   * Validates and copies the sample, keeping the column order.
   *
   * <pre>{@code
   * new FailureSample("line 1", Map.of("user_id", "u***1"));
   * }</pre>
   *
   * @param sourceCoordinate the source coordinate
   * @param values the masked values
   * @throws NullPointerException when a column name or value is null
   */
  public FailureSample {
    Objects.requireNonNull(sourceCoordinate, "sourceCoordinate");
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach(
        (column, value) ->
            copy.put(
                Objects.requireNonNull(column, "column"),
                Objects.requireNonNull(value, () -> "value of column '" + column + "'")));
    values = Collections.unmodifiableMap(copy);
  }
}
