package io.medallion.quality;

/**
 * The quality dimension a rule measures; each row gets a score per dimension and an overall one.
 *
 * <pre>{@code
 * Rule.notNull("email").dimension(); // Dimension.COMPLETENESS
 * }</pre>
 */
public enum Dimension {
  /** Required values are present (not null, not blank). */
  COMPLETENESS,
  /** Present values are well-formed: formats, ranges, allowed values, valid emails and phones. */
  VALIDITY,
  /** Values agree with each other: age with birth date, country with nationality, and so on. */
  CONSISTENCY;

  /**
   * Returns the lower-case name used in column names and reports.
   *
   * @return e.g. {@code "completeness"}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Finds a dimension by its label, in any case.
   *
   * @param label e.g. {@code "validity"}
   * @return the dimension
   * @throws IllegalArgumentException when no dimension has that label
   */
  public static Dimension fromLabel(String label) {
    for (Dimension dimension : values()) {
      if (dimension.label().equalsIgnoreCase(label)) {
        return dimension;
      }
    }
    throw new IllegalArgumentException(
        "Unknown quality dimension '"
            + label
            + "': expected completeness, validity or consistency");
  }
}
