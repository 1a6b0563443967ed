package io.medallion.core.quality;

/** Small facts about row values shared by derivations and rules. */
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
