package io.medallion.table;

import java.util.Objects;

/**
 * A transformation applied to a mapped value before rules run, as data.
 *
 * <pre>{@code
 * silver.map("first_name", ColumnType.STRING, "name.first", Standardizer.TRIM, Standardizer.TITLE_CASE);
 * silver.map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nationality"));
 * }</pre>
 */
public sealed interface Standardizer permits Standardizer.Text, Standardizer.PhoneE164 {

  /** Removes leading and trailing white space. */
  Standardizer TRIM = Text.TRIM;

  /** Lower-cases text (root locale). */
  Standardizer LOWER_CASE = Text.LOWER_CASE;

  /** Upper-cases text (root locale). */
  Standardizer UPPER_CASE = Text.UPPER_CASE;

  /** Upper-cases the first letter of each word and lower-cases the rest. */
  Standardizer TITLE_CASE = Text.TITLE_CASE;

  /** Turns empty or blank text into null. */
  Standardizer NULL_IF_BLANK = Text.NULL_IF_BLANK;

  /** Trims an email address and lower-cases it; removes spaces around the {@code @}. */
  Standardizer EMAIL = Text.EMAIL;

  /**
   * Normalizes a phone number to international E.164 ({@code +41791234567}) using the region in
   * another column; numbers that are not valid for the region, or contain letters, are kept as
   * trimmed text so a rule can reject them.
   *
   * @param regionColumn a column holding an ISO 3166 region code such as {@code "CH"}
   * @return the standardizer
   */
  static Standardizer phoneE164(String regionColumn) {
    return new PhoneE164(regionColumn);
  }

  /**
   * Returns the name shown in descriptions.
   *
   * @return e.g. {@code "trim"} or {@code "phone_e164(nationality)"}
   */
  String displayName();

  /** Text standardizers that need no other column. */
  enum Text implements Standardizer {
    /** See {@link Standardizer#TRIM}. */
    TRIM,
    /** See {@link Standardizer#LOWER_CASE}. */
    LOWER_CASE,
    /** See {@link Standardizer#UPPER_CASE}. */
    UPPER_CASE,
    /** See {@link Standardizer#TITLE_CASE}. */
    TITLE_CASE,
    /** See {@link Standardizer#NULL_IF_BLANK}. */
    NULL_IF_BLANK,
    /** See {@link Standardizer#EMAIL}. */
    EMAIL;

    @Override
    public String displayName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * E.164 phone normalization; see {@link Standardizer#phoneE164(String)}.
   *
   * @param regionColumn the column holding the region code
   */
  record PhoneE164(String regionColumn) implements Standardizer {
    /**
     * Validates the standardizer.
     *
     * @param regionColumn the column holding the region code
     */
    public PhoneE164 {
      Objects.requireNonNull(regionColumn, "regionColumn");
    }

    @Override
    public String displayName() {
      return "phone_e164(" + regionColumn + ")";
    }
  }
}
