package io.medallion.quality;

/**
 * A user-supplied condition over several columns of a row, used by {@link Rule#predicate}.
 *
 * <pre>{@code
 * RowPredicate registeredAfterBirth =
 *     row -> ((OffsetDateTime) row.get("registered_at")).isAfter((OffsetDateTime) row.get("born_at"));
 * }</pre>
 */
@FunctionalInterface
public interface RowPredicate {
  /**
   * Tests a row.
   *
   * @param row the typed row
   * @return true when the row satisfies the condition
   */
  boolean test(RowView row);
}
