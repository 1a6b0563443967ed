package io.medallion.snowflake;

/**
 * The SQL dialect a statement is rendered in: Snowflake for the plan, DuckDB to prove that a gold
 * view returns the gold table's rows on the same data files.
 *
 * <pre>{@code
 * String literal = SqlDialect.SNOWFLAKE.literal("O'Brien"); // 'O\'Brien'
 * }</pre>
 */
public enum SqlDialect {
  /** Snowflake SQL: a backslash in a string literal is an escape character. */
  SNOWFLAKE,
  /** DuckDB SQL: standard string literals, a backslash is an ordinary character. */
  DUCKDB;

  /**
   * Quotes an identifier so that no character of it can end the identifier: double quotes are
   * doubled. The name keeps its case.
   *
   * @param name the identifier, e.g. {@code users} or {@code "odd" name}
   * @return e.g. {@code "users"}
   * @throws IllegalArgumentException when the name is empty or holds a control character, which
   *     neither engine accepts in an identifier
   */
  public String identifier(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("An identifier must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new IllegalArgumentException(
            "Identifier '" + name.replaceAll("\\p{Cntrl}", "?") + "' holds a control character");
      }
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * Quotes a string literal so that no character of it can end the literal.
   *
   * @param value the text
   * @return e.g. {@code 'O\'Brien'} in Snowflake, where the backslash is the escape character (a
   *     backslash is doubled), or {@code 'O''Brien'} in DuckDB
   */
  public String literal(String value) {
    if (this == SNOWFLAKE) {
      return '\'' + value.replace("\\", "\\\\").replace("'", "\\'") + '\'';
    }
    return '\'' + value.replace("'", "''") + '\'';
  }

  /**
   * Quotes a dotted name part by part.
   *
   * @param parts the parts, outermost first, e.g. database, schema, object
   * @return e.g. {@code "MEDALLION"."GOLD"."BY_COUNTRY"}
   */
  public String qualified(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(identifier(part));
    }
    return out.toString();
  }
}
