package io.medallion.report;

import io.medallion.Problems;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Masks personal data before it goes into a report's sample rows. Each column has one {@link Kind};
 * columns nobody classified are masked as {@link Kind#TEXT}, so forgetting a column hides it rather
 * than leaking it. Giving a column two different kinds is a validation problem, so a column marked
 * secret cannot also be marked to be shown.
 *
 * <pre>{@code
 * Masking masking =
 *     Masking.builder()
 *         .plain("nationality")
 *         .email("email")
 *         .phone("phone")
 *         .name("first_name", "last_name")
 *         .secret("password")
 *         .build();
 * masking.mask("email", "jane.doe@example.com"); // "j***@example.com"
 * masking.mask("phone", "+41791234567"); // "+41*******67"
 * masking.mask("password", "hunter2"); // "[redacted]"
 * }</pre>
 */
public final class Masking {

  /** What a secret column shows instead of its value. */
  public static final String REDACTED = "[redacted]";

  /** What a null value shows, so missing values stay visible in samples. */
  public static final String NULL = "(null)";

  private static final String STARS = "***";

  /**
   * How a column's values are masked.
   *
   * <pre>{@code
   * Masking.builder().kind(Masking.Kind.EMAIL, "email").build();
   * }</pre>
   */
  public enum Kind {
    /** Not personal: shown as is, e.g. a country code. */
    PLAIN,
    /** The first character of the local part and the domain: {@code j***@example.com}. */
    EMAIL,
    /** The leading {@code +} and two digits, and the last two digits: {@code +41*******67}. */
    PHONE,
    /** The first letter: {@code J***}. */
    NAME,
    /** The first and last characters: {@code Z***h}; short values are hidden entirely. */
    TEXT,
    /** Never shown: always {@value Masking#REDACTED}. */
    SECRET
  }

  private final Map<String, Kind> kinds;

  private Masking(Map<String, Kind> kinds) {
    this.kinds = Map.copyOf(kinds);
  }

  /**
   * Starts a masking in which every column is {@link Kind#TEXT}.
   *
   * <pre>{@code
   * Masking masking = Masking.builder().email("email").build();
   * }</pre>
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this masking's kinds, to derive a changed copy. Built unchanged it
   * gives an equal masking; each column may be given a kind once more, which replaces its kind.
   *
   * <pre>{@code
   * Masking shown = masking.toBuilder().plain("city").build();
   * }</pre>
   *
   * @return a builder with this masking's kinds
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.kinds.putAll(kinds);
    return builder;
  }

  /**
   * Returns how a column is masked.
   *
   * <pre>{@code
   * masking.kindOf("unknown_column"); // Kind.TEXT
   * }</pre>
   *
   * @param column the column
   * @return its kind; {@link Kind#TEXT} when unclassified
   */
  public Kind kindOf(String column) {
    return kinds.getOrDefault(column, Kind.TEXT);
  }

  /**
   * Masks one value of a column.
   *
   * <pre>{@code
   * masking.mask("first_name", "Jane"); // "J***"
   * }</pre>
   *
   * @param column the column
   * @param value the value, may be null
   * @return the masked text; {@value #NULL} for null unless the column is secret
   */
  public String mask(String column, Object value) {
    Kind kind = kindOf(column);
    if (kind == Kind.SECRET) {
      return REDACTED;
    }
    return value == null ? NULL : mask(kind, value.toString());
  }

  /**
   * Masks a row, keeping its column order.
   *
   * <pre>{@code
   * Map<String, String> sample = masking.mask(row); // e.g. {email=j***@example.com, phone=+41*******67}
   * }</pre>
   *
   * @param row column name to value, values may be null
   * @return column name to masked value, in the row's iteration order, unmodifiable
   */
  public Map<String, String> mask(Map<String, ?> row) {
    Map<String, String> masked = new LinkedHashMap<>();
    row.forEach((column, value) -> masked.put(column, mask(column, value)));
    return Collections.unmodifiableMap(masked);
  }

  /**
   * Masks a text as a given kind.
   *
   * <pre>{@code
   * Masking.mask(Masking.Kind.TEXT, "Zurich"); // "Z***h"
   * }</pre>
   *
   * @param kind the kind
   * @param value the value
   * @return the masked text
   */
  public static String mask(Kind kind, String value) {
    Objects.requireNonNull(value, "value");
    return switch (kind) {
      case PLAIN -> value;
      case EMAIL -> email(value);
      case PHONE -> phone(value);
      case NAME -> name(value);
      case TEXT -> text(value);
      case SECRET -> REDACTED;
    };
  }

  /**
   * Tells whether another masking gives every column the same kind.
   *
   * @param other the other object
   * @return true when both mask alike
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Masking that && kinds.equals(that.kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }

  @Override
  public String toString() {
    return "masking " + kinds;
  }

  /**
   * Masks an email address: the first character of the local part and the whole domain.
   *
   * <pre>{@code
   * Masking.email("jane.doe@example.com"); // "j***@example.com"
   * Masking.email("not-an-email"); // "n***l", masked as text
   * }</pre>
   *
   * @param value the address
   * @return the masked address; text masking when the value has no local part or domain
   */
  public static String email(String value) {
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      return text(value);
    }
    return first(value) + STARS + value.substring(at);
  }

  /**
   * Masks a phone number down to its digits, keeping the last two. An international number also
   * keeps its {@code +} and first two digits, which show the country but not the subscriber.
   *
   * <pre>{@code
   * Masking.phone("+41 79 123 45 67"); // "+41*******67"
   * Masking.phone("079 123 45 67"); // "********67"
   * }</pre>
   *
   * @param value the number in any format
   * @return the masked digits; {@code ***} when there are too few digits to hide anything
   */
  public static String phone(String value) {
    String digits = value.replaceAll("[^0-9]", "");
    int n = digits.length();
    if (n <= 4) {
      return STARS;
    }
    String last = digits.substring(n - 2);
    if (!value.strip().startsWith("+")) {
      return "*".repeat(n - 2) + last;
    }
    if (n < 8) {
      return "+" + "*".repeat(n - 2) + last;
    }
    return "+" + digits.substring(0, 2) + "*".repeat(n - 4) + last;
  }

  /**
   * Masks a name to its first letter.
   *
   * <pre>{@code
   * Masking.name("Zoë"); // "Z***"
   * }</pre>
   *
   * @param value the name
   * @return the first character and {@code ***}, or empty for a blank name
   */
  public static String name(String value) {
    String name = value.strip();
    return name.isEmpty() ? "" : first(name) + STARS;
  }

  /**
   * Masks a text to its first and last characters. Texts shorter than four characters are hidden
   * entirely, because two of three characters would reveal the value.
   *
   * <pre>{@code
   * Masking.text("Zurich"); // "Z***h"
   * Masking.text("CH"); // "***"
   * }</pre>
   *
   * @param value the text
   * @return the masked text, or empty for an empty text
   */
  public static String text(String value) {
    int length = value.codePointCount(0, value.length());
    if (length == 0) {
      return "";
    }
    if (length < 4) {
      return STARS;
    }
    return first(value) + STARS + Character.toString(value.codePointBefore(value.length()));
  }

  private static String first(String value) {
    return Character.toString(value.codePointAt(0));
  }

  /**
   * Classifies columns for a {@link Masking}. Each method adds columns to a kind; a column given
   * two different kinds is a validation problem naming the column and both kinds.
   *
   * <pre>{@code
   * Masking masking = Masking.builder().plain("country").secret("ssn").build();
   * }</pre>
   */
  public static final class Builder {
    private final Map<String, Kind> kinds = new HashMap<>();
    // The kinds given to this builder, apart from those a toBuilder() copy started with.
    private final Map<String, Kind> given = new HashMap<>();
    private final Problems problems = new Problems();

    private Builder() {}

    /**
     * Classifies columns. Giving a column the kind it already has is harmless; giving it another
     * one is a problem reported by {@link #build()}.
     *
     * <pre>{@code
     * builder.kind(Masking.Kind.NAME, "first_name", "last_name");
     * }</pre>
     *
     * @param kind how to mask them
     * @param columns the columns
     * @return this builder
     */
    public Builder kind(Kind kind, String... columns) {
      Objects.requireNonNull(kind, "kind");
      for (String column : columns) {
        Objects.requireNonNull(column, "column");
        Kind before = given.putIfAbsent(column, kind);
        if (before == null) {
          kinds.put(column, kind);
        } else if (before != kind) {
          problems.add(
              "column '"
                  + column
                  + "' is given two kinds: "
                  + before
                  + ", then "
                  + kind
                  + "; give it one");
        }
      }
      return this;
    }

    /**
     * Shows columns as they are.
     *
     * <pre>{@code
     * builder.plain("nationality", "generation");
     * }</pre>
     *
     * @param columns columns without personal data
     * @return this builder
     */
    public Builder plain(String... columns) {
      return kind(Kind.PLAIN, columns);
    }

    /**
     * Masks columns as email addresses.
     *
     * <pre>{@code
     * builder.email("email");
     * }</pre>
     *
     * @param columns the columns
     * @return this builder
     */
    public Builder email(String... columns) {
      return kind(Kind.EMAIL, columns);
    }

    /**
     * Masks columns as phone numbers.
     *
     * <pre>{@code
     * builder.phone("phone", "cell");
     * }</pre>
     *
     * @param columns the columns
     * @return this builder
     */
    public Builder phone(String... columns) {
      return kind(Kind.PHONE, columns);
    }

    /**
     * Masks columns as names.
     *
     * <pre>{@code
     * builder.name("first_name", "last_name");
     * }</pre>
     *
     * @param columns the columns
     * @return this builder
     */
    public Builder name(String... columns) {
      return kind(Kind.NAME, columns);
    }

    /**
     * Never shows columns' values.
     *
     * <pre>{@code
     * builder.secret("password", "salt");
     * }</pre>
     *
     * @param columns the columns
     * @return this builder
     */
    public Builder secret(String... columns) {
      return kind(Kind.SECRET, columns);
    }

    /**
     * Validates and builds the masking.
     *
     * <pre>{@code
     * Masking masking = builder.build();
     * }</pre>
     *
     * @return the masking
     * @throws io.medallion.ValidationException naming every column given two kinds
     */
    public Masking build() {
      problems.throwIfAny("masking");
      return new Masking(kinds);
    }
  }
}
