package io.medallion.report;

import java.util.Locale;

/**
 * The aspect of data quality a rule measures; a report averages scores per dimension.
 *
 * <pre>{@code
 * QualityDimension.fromLabel("validity"); // QualityDimension.VALIDITY
 * QualityDimension.COMPLETENESS.label(); // "completeness"
 * }</pre>
 */
public enum QualityDimension {
  /** Required values are present, e.g. {@code user_id} is not null. */
  COMPLETENESS,
  /** Present values are well-formed, e.g. an email matches its pattern. */
  VALIDITY,
  /** Values agree with each other, e.g. age with birth date. */
  CONSISTENCY;

  /**
   * Returns the lower-case name used in files and pages.
   *
   * <pre>{@code
   * QualityDimension.VALIDITY.label(); // "validity"
   * }</pre>
   *
   * @return the label, e.g. {@code "completeness"}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds a dimension by its {@link #label()}, ignoring case.
   *
   * <pre>{@code
   * QualityDimension.fromLabel("Consistency"); // QualityDimension.CONSISTENCY
   * }</pre>
   *
   * @param label the label
   * @return the dimension
   * @throws IllegalArgumentException when no dimension has that label
   */
  public static QualityDimension fromLabel(String label) {
    for (QualityDimension dimension : values()) {
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
