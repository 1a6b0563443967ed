package io.medallion.quality;

/**
 * Read access to one typed row, by column name, for custom predicates and derivations.
 *
 * <pre>{@code
 * Rule adult = Rule.predicate("adult", List.of("age"),
 *     row -> row.get("age") instanceof Integer age && age >= 18);
 * }</pre>
 */
@FunctionalInterface
public interface RowView {
  /**
   * Returns a column's value: a {@code String}, {@code Boolean}, {@code Integer}, {@code Long},
   * {@code Double}, {@code java.math.BigDecimal}, {@code java.time.LocalDate}, {@code
   * java.time.OffsetDateTime}, a {@code java.util.List}, or {@code null}.
   *
   * @param column the column name
   * @return the value, or {@code null} when absent
   */
  Object get(String column);
}
