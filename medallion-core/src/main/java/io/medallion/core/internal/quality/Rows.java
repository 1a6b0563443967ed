package io.medallion.core.internal.quality;

/**
 * Small facts about row values shared by rules, derivations and de-duplication.
 *
 * <pre>{@code
 * Rows.isPresent("  "); // false: blank text counts as missing
 * }</pre>
 */
public final class Rows {
  private Rows() {}

  /**
   * Tells whether a value counts as present: not null and, for text, not blank.
   *
   * @param value the value
   * @return true when present
   */
  public static boolean isPresent(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }
}
