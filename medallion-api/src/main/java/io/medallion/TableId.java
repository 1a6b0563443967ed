package io.medallion;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a table: a namespace and a table name, both lower-case identifiers.
 *
 * <pre>{@code
 * TableId users = TableId.of("silver", "users");
 * users.toString(); // "silver.users"
 * }</pre>
 *
 * @param namespace the namespace (database), e.g. {@code "silver"}
 * @param name the table name within the namespace, e.g. {@code "users"}
 */
public record TableId(String namespace, String name) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,127}");

  /**
   * Validates the parts.
   *
   * @param namespace the namespace
   * @param name the table name
   * @throws IllegalArgumentException when a part is not a lower-case identifier
   */
  public TableId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    requireIdentifier("namespace", namespace);
    requireIdentifier("table name", name);
  }

  /**
   * Creates a table id.
   *
   * @param namespace the namespace, e.g. {@code "bronze"}
   * @param name the table name, e.g. {@code "randomuser_raw"}
   * @return the id
   */
  public static TableId of(String namespace, String name) {
    return new TableId(namespace, name);
  }

  /**
   * Parses {@code "namespace.name"}.
   *
   * @param qualified the dotted name
   * @return the id
   * @throws IllegalArgumentException when the text does not have exactly one dot
   */
  public static TableId parse(String qualified) {
    String[] parts = qualified.split("\\.", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "Cannot parse table id '" + qualified + "': expected namespace.name");
    }
    return new TableId(parts[0], parts[1]);
  }

  /**
   * Returns a sibling table in the same namespace whose name ends with a suffix.
   *
   * @param suffix appended to the name, e.g. {@code "_quarantine"}
   * @return the sibling id
   */
  public TableId withSuffix(String suffix) {
    return new TableId(namespace, name + suffix);
  }

  @Override
  public String toString() {
    return namespace + "." + name;
  }

  private static void requireIdentifier(String what, String value) {
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Invalid "
              + what
              + " '"
              + value
              + "': expected a lower-case letter followed by up to 127 lower-case letters, digits"
              + " or underscores");
    }
  }
}
